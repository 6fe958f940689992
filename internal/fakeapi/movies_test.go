package fakeapi_test

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMovieDetails(t *testing.T) {
	h := newHarness(t)
	r := h.get("/3/movie/550")
	require.Equal(t, http.StatusOK, r.status)
	b := r.body
	assert.Equal(t, "Fight Club", b["title"])
	assert.EqualValues(t, 63000000, b["budget"])
	assert.EqualValues(t, 100853753, b["revenue"])
	assert.EqualValues(t, 139, b["runtime"])
	assert.Equal(t, "1999-10-15", b["release_date"])
	assert.Equal(t, "tt0137523", b["imdb_id"])
	assert.Contains(t, b["genres"], map[string]any{"id": 18.0, "name": "Drama"})
	assert.Nil(t, b["belongs_to_collection"])
	assert.NotContains(t, b, "credits")

	sw := h.get("/3/movie/11")
	require.Equal(t, http.StatusOK, sw.status)
	assert.Equal(t, "Star Wars", sw.body["title"])
	assert.Equal(t, "Star Wars Collection", sw.body["belongs_to_collection"].(map[string]any)["name"])

	// A movie known from a list only has synthesized details.
	other := h.get("/3/movie/13")
	require.Equal(t, http.StatusOK, other.status)
	assert.Equal(t, "Forrest Gump", other.body["title"])

	requireError(t, h.get("/3/movie/999999999"), http.StatusNotFound, 34)
	requireError(t, h.get("/3/movie/abc"), http.StatusNotFound, 34)
	requireError(t, h.get("/3/movie/999999999/credits"), http.StatusNotFound, 34)
}

func TestAppendToResponse(t *testing.T) {
	h := newHarness(t)
	r := h.get("/3/movie/550?append_to_response=credits,videos")
	require.Equal(t, http.StatusOK, r.status)
	credits := r.body["credits"].(map[string]any)
	videos := r.body["videos"].(map[string]any)
	assert.NotContains(t, credits, "id")
	assert.NotContains(t, videos, "id")
	assert.NotEmpty(t, credits["cast"])
	assert.NotEmpty(t, credits["crew"])
	assert.NotEmpty(t, videos["results"])
	assert.NotContains(t, r.body, "images")

	full := h.get("/3/movie/550?append_to_response=credits,videos,images")
	assert.Greater(t, len(full.raw), 80_000, "a realistic payload")

	// The standalone endpoint carries the id.
	assert.EqualValues(t, 550, h.get("/3/movie/550/credits").body["id"])

	all := "account_states,alternative_titles,changes,credits,external_ids,images,keywords,lists,recommendations," +
		"release_dates,reviews,similar,translations,videos,watch/providers,nonsense"
	every := h.get("/3/movie/550?append_to_response=" + all)
	require.Equal(t, http.StatusOK, every.status)
	for _, k := range strings.Split(all, ",") {
		switch k {
		case "account_states", "nonsense":
			assert.NotContains(t, every.body, k, "%s needs a session", k)
		default:
			require.Contains(t, every.body, k)
			assert.NotContains(t, every.body[k], "id", k)
		}
	}
	withSession := h.get("/3/movie/550?append_to_response=account_states&session_id=" + h.session())
	assert.Equal(t, map[string]any{"favorite": false, "rated": false, "watchlist": false}, withSession.body["account_states"])

	names := make([]string, 21)
	for i := range names {
		names[i] = "credits"
	}
	requireError(t, h.get("/3/movie/550?append_to_response="+strings.Join(names, ",")), http.StatusBadRequest, 27)
	assert.Equal(t, http.StatusOK, h.get("/3/movie/550?append_to_response="+strings.Join(names[:20], ",")).status)
}

func TestImageLanguages(t *testing.T) {
	h := newHarness(t)
	count := func(r result) int {
		im := r.body
		if v, ok := im["images"]; ok {
			im = v.(map[string]any)
		}
		return len(im["posters"].([]any)) + len(im["backdrops"].([]any)) + len(im["logos"].([]any))
	}
	all := count(h.get("/3/movie/550/images"))
	en := count(h.get("/3/movie/550/images?language=en-US"))
	enNull := count(h.get("/3/movie/550/images?language=en-US&include_image_language=en,null"))
	appended := count(h.get("/3/movie/550?append_to_response=images&language=en-US"))
	assert.Equal(t, 150, all)
	assert.Less(t, en, enNull)
	assert.Less(t, enNull, all)
	assert.Equal(t, en, appended)
}

func TestRatingValidation(t *testing.T) {
	h := newHarness(t)
	session := h.session()
	for _, v := range []float64{7.3, 0, 10.5, -1} {
		r := h.request(http.MethodPost, "/3/movie/550/rating?session_id="+session, map[string]float64{"value": v})
		requireError(t, r, http.StatusBadRequest, 18)
		assert.True(t, strings.HasPrefix(r.body["status_message"].(string), "Validation failed"), r.body["status_message"])
	}
	requireError(t, h.request(http.MethodPost, "/3/movie/550/rating?session_id="+session, map[string]string{"value": "8"}),
		http.StatusBadRequest, 18)
	requireError(t, h.request(http.MethodPost, "/3/movie/550/rating?session_id="+session, nil), http.StatusBadRequest, 18)
	for _, v := range []float64{0.5, 10, 6} {
		r := h.request(http.MethodPost, "/3/movie/550/rating?session_id="+session, map[string]float64{"value": v})
		assert.Equal(t, http.StatusCreated, r.status)
	}
	requireError(t, h.request(http.MethodPost, "/3/movie/999999999/rating?session_id="+session, map[string]float64{"value": 5}),
		http.StatusNotFound, 34)
}

func TestParameterValidation(t *testing.T) {
	h := newHarness(t)
	for _, p := range []string{"/3/movie/popular?page=501", "/3/movie/popular?page=0", "/3/movie/popular?page=x", "/3/movie/550/reviews?page=501"} {
		requireError(t, h.get(p), http.StatusBadRequest, 22)
	}
	requireError(t, h.get("/3/movie/changes?start_date=2024-13-01"), http.StatusBadRequest, 23)
	requireError(t, h.get("/3/movie/changes?start_date=2024-01-01&end_date=2024-02-01"), http.StatusUnprocessableEntity, 20)
	assert.Equal(t, http.StatusOK, h.get("/3/movie/changes?start_date=2024-01-01&end_date=2024-01-14").status)

	r := h.get("/3/movie/popular?language=english")
	requireError(t, r, http.StatusUnprocessableEntity, 5)
	msg := r.body["status_message"].(string)
	assert.Contains(t, msg, "language")
	assert.NotContains(t, msg, "english", "the value is not echoed")

	requireError(t, h.get("/3/search/movie"), http.StatusUnprocessableEntity, 5)
	requireError(t, h.get("/3/search/movie?query=a&year=99"), http.StatusUnprocessableEntity, 5)
	requireError(t, h.get("/3/account/"+strconv.FormatInt(h.fake.Account().ID, 10)+"/favorite/movies?sort_by=title"),
		http.StatusUnprocessableEntity, 5)
}

func TestPagination(t *testing.T) {
	h := newHarness(t)
	for _, list := range []string{"popular", "top_rated", "now_playing"} {
		first := h.get("/3/movie/" + list)
		require.Equal(t, http.StatusOK, first.status)
		total := int(first.body["total_results"].(float64))
		pages := int(first.body["total_pages"].(float64))
		require.GreaterOrEqual(t, pages, 3, list)
		assert.Equal(t, (total+19)/20, pages)
		seen := map[float64]bool{}
		for p := 1; p <= pages; p++ {
			r := h.get(fmt.Sprintf("/3/movie/%s?page=%d", list, p))
			assert.EqualValues(t, p, r.body["page"])
			assert.EqualValues(t, total, r.body["total_results"])
			results := r.body["results"].([]any)
			if p < pages {
				assert.Len(t, results, 20)
			}
			for _, m := range results {
				id := m.(map[string]any)["id"].(float64)
				assert.False(t, seen[id], "movie %v on two pages", id)
				seen[id] = true
			}
		}
		assert.Len(t, seen, total)
		past := h.get(fmt.Sprintf("/3/movie/%s?page=%d", list, pages+1))
		require.Equal(t, http.StatusOK, past.status)
		assert.Empty(t, past.body["results"])
		assert.NotNil(t, past.body["results"])
		assert.EqualValues(t, total, past.body["total_results"])
		assert.EqualValues(t, pages, past.body["total_pages"])
	}
	np := h.get("/3/movie/now_playing")
	assert.Equal(t, map[string]any{"maximum": "2023-05-03", "minimum": "2023-03-16"}, np.body["dates"])
	assert.Contains(t, h.get("/3/movie/upcoming").body, "dates")

	changes := h.get("/3/movie/changes")
	assert.Len(t, changes.body["results"], 100)
	assert.Greater(t, changes.body["total_pages"], 1.0)
}

func TestSearch(t *testing.T) {
	h := newHarness(t)
	r := h.get("/3/search/movie?query=FIGHT")
	require.Equal(t, http.StatusOK, r.status)
	titles := []string{}
	for _, m := range r.body["results"].([]any) {
		titles = append(titles, m.(map[string]any)["title"].(string))
	}
	assert.Contains(t, titles, "Fight Club")
	for _, title := range titles {
		assert.Contains(t, strings.ToLower(title), "fight")
	}
	assert.EqualValues(t, 1, h.get("/3/search/movie?query=fight%20club&year=1999").body["total_results"])
	assert.EqualValues(t, 0, h.get("/3/search/movie?query=fight%20club&primary_release_year=2000").body["total_results"])
	none := h.get("/3/search/movie?query=zzzzzz")
	assert.Empty(t, none.body["results"])
	assert.EqualValues(t, 1, none.body["total_pages"])
}

func TestLatestAndConfiguration(t *testing.T) {
	h := newHarness(t)
	l := h.get("/3/movie/latest")
	require.Equal(t, http.StatusOK, l.status)
	assert.Equal(t, "", l.body["release_date"])
	assert.Nil(t, l.body["poster_path"])
	assert.Nil(t, l.body["imdb_id"])
	c := h.get("/3/configuration")
	require.Equal(t, http.StatusOK, c.status)
	assert.Equal(t, "https://image.tmdb.org/t/p/", c.body["images"].(map[string]any)["secure_base_url"])
	assert.Contains(t, h.fake.MovieIDs(), int64(550))
	assert.Contains(t, h.fake.MovieIDs(), int64(11))
	assert.GreaterOrEqual(t, len(h.fake.MovieIDs()), 100)
}
