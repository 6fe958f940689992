package fakeapi

import (
	"cmp"
	"slices"
	"time"

	"github.com/tmdbfusion/tmdbfusion/gen"
)

// state is everything a server changes while it runs. It is guarded by
// Server.mu.
type state struct {
	tokens   map[string]*requestToken
	sessions map[string]int64 // session id → account id
	guests   map[string]*guestSession
	accounts map[int64]*accountData
	faults   []Fault // pending, Count is what is left
	calls    map[string]int
	total    int
	seq      int64 // orders the entries of account lists
}

type requestToken struct {
	expires  time.Time
	approved bool
}

type guestSession struct {
	expires time.Time
	rated   ratings
}

// accountData is an account and its lists.
type accountData struct {
	account       gen.Account
	favMovies     idSet
	watchMovies   idSet
	favTV         idSet
	watchTV       idSet
	ratedMovies   ratings
	ratedTV       ratings
	ratedEpisodes []gen.RatedEpisode
	lists         []gen.ListSummary
}

// idSet is a set of ids that remembers when each was added.
type idSet map[int64]int64

// ratings maps ids to a rating and when it was given.
type ratings map[int64]rating

type rating struct {
	value float64
	at    int64
}

// next returns the next position in the order of account list entries.
func (st *state) next() int64 {
	st.seq++
	return st.seq
}

// ordered returns the ids of entries ordered by when they were added,
// newest first when desc.
func ordered[V any](m map[int64]V, at func(V) int64, desc bool) []int64 {
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b int64) int {
		c := cmp.Compare(at(m[a]), at(m[b]))
		if desc {
			return -c
		}
		return c
	})
	return ids
}

func (s idSet) ordered(desc bool) []int64 {
	return ordered(s, func(at int64) int64 { return at }, desc)
}

func (r ratings) ordered(desc bool) []int64 {
	return ordered(r, func(v rating) int64 { return v.at }, desc)
}

// newState returns the state of a fresh server: the seeded account with
// its TV lists, and nothing else.
func newState(cat *catalogue) state {
	st := state{
		tokens:   map[string]*requestToken{},
		sessions: map[string]int64{},
		guests:   map[string]*guestSession{},
		accounts: map[int64]*accountData{},
		calls:    map[string]int{},
	}
	seed := cat.seed
	a := &accountData{
		account:       seed.Account,
		favMovies:     idSet{},
		watchMovies:   idSet{},
		favTV:         idSet{},
		watchTV:       idSet{},
		ratedMovies:   ratings{},
		ratedTV:       ratings{},
		ratedEpisodes: slices.Clone(seed.RatedEpisodes),
		lists:         slices.Clone(seed.Lists),
	}
	for _, id := range seed.FavoriteTV {
		a.favTV[id] = st.next()
	}
	for _, id := range seed.WatchlistTV {
		a.watchTV[id] = st.next()
	}
	for _, r := range seed.RatedTV {
		a.ratedTV[r.ID] = rating{value: r.Rating, at: st.next()}
	}
	st.accounts[a.account.ID] = a
	return st
}
