package fakeapi_test

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
)

// TestConcurrentClients drives one fake from many goroutines (run with
// -race): sessions, ratings, list writes, reads, faults and counters.
func TestConcurrentClients(t *testing.T) {
	h := newHarness(t)
	acct := "/3/account/" + strconv.FormatInt(h.fake.Account().ID, 10)
	ids := h.fake.MovieIDs()
	const workers = 16
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			session := h.session()
			guest := h.guest()
			for i := range 5 {
				id := ids[(w*5+i)%len(ids)]
				movie := fmt.Sprintf("/3/movie/%d", id)
				h.request(http.MethodPost, movie+"/rating?session_id="+session, map[string]float64{"value": 7.5})
				h.request(http.MethodPost, movie+"/rating?guest_session_id="+guest, map[string]float64{"value": 5})
				h.request(http.MethodPost, acct+"/favorite?session_id="+session,
					map[string]any{"media_type": "movie", "media_id": id, "favorite": i%2 == 0})
				h.get(movie + "?append_to_response=account_states,credits&session_id=" + session)
				h.get(acct + "/rated/movies?session_id=" + session)
				h.get("/3/movie/popular?page=" + strconv.Itoa(i+1))
				h.fake.InjectFault(fakeapi.Fault{Operation: "getConfiguration", Kind: fakeapi.RateLimit})
				h.get("/3/configuration")
				_ = h.fake.Calls("getMovieDetails")
				_ = h.fake.TotalCalls()
			}
			h.request(http.MethodDelete, "/3/authentication/session", map[string]string{"session_id": session})
		})
	}
	wg.Wait()
	assert.Equal(t, workers*5, h.fake.Calls("getMovieDetails"))
	assert.Equal(t, workers*5, h.fake.Calls("getConfiguration"))
	session := h.session()
	rated := h.get(acct + "/rated/movies?session_id=" + session)
	assert.EqualValues(t, workers*5, rated.body["total_results"], "all ratings landed on the one account")
}
