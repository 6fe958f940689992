package tmdbtest_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/tmdbfusion/tmdbfusion/tmdb/tmdbtest"
)

func ExampleNewServer() {
	srv := tmdbtest.NewServer(t) // in a real test, t is the test's *testing.T
	defer srv.Close()            // a real test can leave this to t.Cleanup

	resp, err := http.Get(srv.URL + "/3/movie/550?api_key=" + srv.APIKey)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var movie struct {
		Title       string `json:"title"`
		ReleaseDate string `json:"release_date"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&movie); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.StatusCode, movie.Title, movie.ReleaseDate)
	fmt.Println("requests:", srv.Calls("getMovieDetails"))
	// Output:
	// 200 Fight Club 1999-10-15
	// requests: 1
}

// t stands in for the *testing.T that a test passes to NewServer, which an
// example does not have: it reports failures on standard output.
var t testing.TB = exampleT{}

type exampleT struct{ testing.TB }

func (exampleT) Helper()                           {}
func (exampleT) Cleanup(func())                    {}
func (exampleT) Errorf(format string, args ...any) { fmt.Printf(format+"\n", args...) }
func (exampleT) Fatalf(format string, args ...any) { panic(fmt.Sprintf(format, args...)) }
