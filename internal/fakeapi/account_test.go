package fakeapi_test

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ids(r result) []int64 {
	var out []int64
	for _, m := range r.body["results"].([]any) {
		out = append(out, int64(m.(map[string]any)["id"].(float64)))
	}
	return out
}

func TestFavoritesAndWatchlist(t *testing.T) {
	h := newHarness(t)
	session := h.session()
	base := "/3/account/" + strconv.FormatInt(h.fake.Account().ID, 10)
	q := "?session_id=" + session

	for _, kind := range []string{"favorite", "watchlist"} {
		t.Run(kind, func(t *testing.T) {
			list := base + "/" + kind + "/movies" + q
			assert.Empty(t, ids(h.get(list)))
			for _, id := range []int{550, 11, 13} {
				r := h.request(http.MethodPost, base+"/"+kind+q, map[string]any{"media_type": "movie", "media_id": id, kind: true})
				require.Equal(t, http.StatusCreated, r.status, "body: %s", r.raw)
				assert.Equal(t, 1, r.code())
			}
			again := h.request(http.MethodPost, base+"/"+kind+q, map[string]any{"media_type": "movie", "media_id": 11, kind: true})
			require.Equal(t, http.StatusCreated, again.status)
			assert.Equal(t, 12, again.code())

			assert.Equal(t, []int64{550, 11, 13}, ids(h.get(list)))
			assert.Equal(t, []int64{550, 11, 13}, ids(h.get(list+"&sort_by=created_at.asc")))
			assert.Equal(t, []int64{13, 11, 550}, ids(h.get(list+"&sort_by=created_at.desc")))
			states := h.get("/3/movie/11/account_states" + q)
			assert.Equal(t, true, states.body[kind])

			rm := h.request(http.MethodPost, base+"/"+kind+q, map[string]any{"media_type": "movie", "media_id": 11, kind: false})
			require.Equal(t, http.StatusOK, rm.status)
			assert.Equal(t, 13, rm.code())
			assert.Equal(t, []int64{550, 13}, ids(h.get(list)))

			requireError(t, h.request(http.MethodPost, base+"/"+kind+q, map[string]any{"media_type": "movie", "media_id": 999999999, kind: true}),
				http.StatusNotFound, 34)
			requireError(t, h.request(http.MethodPost, base+"/"+kind+q, map[string]any{"media_type": "person", "media_id": 1, kind: true}),
				http.StatusBadRequest, 18)
			requireError(t, h.request(http.MethodPost, "/3/account/1/"+kind+q, map[string]any{"media_type": "movie", "media_id": 550, kind: true}),
				http.StatusUnauthorized, 3)

			tv := h.get(base + "/" + kind + "/tv" + q)
			require.Equal(t, http.StatusOK, tv.status)
			n := len(ids(tv))
			require.Positive(t, n, "seeded TV list")
			add := h.request(http.MethodPost, base+"/"+kind+q, map[string]any{"media_type": "tv", "media_id": 1396, kind: true})
			require.Equal(t, http.StatusCreated, add.status)
		})
	}
}

func TestRatedLists(t *testing.T) {
	h := newHarness(t)
	session := h.session()
	base := "/3/account/" + strconv.FormatInt(h.fake.Account().ID, 10)
	q := "?session_id=" + session

	for _, id := range []string{"13", "550"} {
		r := h.request(http.MethodPost, "/3/movie/"+id+"/rating"+q, map[string]float64{"value": 7})
		require.Equal(t, http.StatusCreated, r.status)
	}
	assert.Equal(t, []int64{13, 550}, ids(h.get(base+"/rated/movies"+q)))
	assert.Equal(t, []int64{550, 13}, ids(h.get(base+"/rated/movies"+q+"&sort_by=created_at.desc")))

	tv := h.get(base + "/rated/tv" + q)
	require.Equal(t, http.StatusOK, tv.status)
	require.NotEmpty(t, tv.body["results"])
	assert.Contains(t, tv.body["results"].([]any)[0], "rating")
	eps := h.get(base + "/rated/tv/episodes" + q)
	require.Equal(t, http.StatusOK, eps.status)
	require.NotEmpty(t, eps.body["results"])
	assert.Contains(t, eps.body["results"].([]any)[0], "show_id")
	lists := h.get(base + "/lists" + q)
	require.Equal(t, http.StatusOK, lists.status)
	assert.NotEmpty(t, lists.body["results"])
}
