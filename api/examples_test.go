package api_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/gen"
	"github.com/tmdbfusion/tmdbfusion/internal/jsonx"
)

// examplesDir holds TMDB's published response examples, one file per
// operation and status: <TMDB operationId>.<status>.json.
const examplesDir = "../testdata/examples"

// exampleCase says which operation of our spec an example file belongs to
// and which generated type that operation returns.
type exampleCase struct {
	op string // our operationId
	// status is the response of our spec the example is checked against,
	// when it differs from the status in the file name.
	status string
	target func() any // a pointer to a new value of the returned type
	// saysNothing marks an example TMDB publishes as an empty object; it
	// is decoded but not held to the schema's required fields.
	saysNothing bool
}

// exampleCases maps every file of examplesDir to its operation.
var exampleCases = map[string]exampleCase{
	// authentication
	"authentication-validate-key.200.json":                 {op: "validateKey", target: func() any { return new(gen.StatusResponse) }},
	"authentication-validate-key.401.json":                 {op: "validateKey", target: func() any { return new(gen.ErrorResponse) }},
	"authentication-create-guest-session.200.json":         {op: "createGuestSession", target: func() any { return new(gen.GuestSession) }},
	"authentication-create-request-token.200.json":         {op: "createRequestToken", target: func() any { return new(gen.RequestToken) }},
	"authentication-create-session.200.json":               {op: "createSession", target: func() any { return new(gen.Session) }},
	"authentication-create-session-from-login.200.json":    {op: "createSessionFromLogin", target: func() any { return new(gen.RequestToken) }},
	"authentication-create-session-from-v4-token.200.json": {op: "createSessionFromV4Token", target: func() any { return new(gen.Session) }},
	"authentication-delete-session.200.json":               {op: "deleteSession", target: func() any { return new(gen.DeleteSessionResult) }},

	// account
	"account-details.200.json":           {op: "getAccount", target: func() any { return new(gen.Account) }},
	"account-add-favorite.200.json":      {op: "addFavorite", target: func() any { return new(gen.StatusResponse) }},
	"account-add-to-watchlist.200.json":  {op: "addToWatchlist", target: func() any { return new(gen.StatusResponse) }},
	"account-get-favorites.200.json":     {op: "getFavoriteMovies", target: func() any { return new(gen.MoviePage) }},
	"account-favorite-tv.200.json":       {op: "getFavoriteTV", target: func() any { return new(gen.TVPage) }},
	"account-lists.200.json":             {op: "getAccountLists", target: func() any { return new(gen.ListPage) }},
	"account-rated-movies.200.json":      {op: "getRatedMovies", target: func() any { return new(gen.RatedMoviePage) }},
	"account-rated-tv.200.json":          {op: "getRatedTV", target: func() any { return new(gen.RatedTVPage) }},
	"account-rated-tv-episodes.200.json": {op: "getRatedTVEpisodes", target: func() any { return new(gen.RatedEpisodePage) }},
	"account-watchlist-movies.200.json":  {op: "getWatchlistMovies", target: func() any { return new(gen.MoviePage) }},
	"account-watchlist-tv.200.json":      {op: "getWatchlistTV", target: func() any { return new(gen.TVPage) }},

	// one movie
	"movie-details.200.json":            {op: "getMovieDetails", target: func() any { return new(gen.MovieDetails) }},
	"movie-account-states.200.json":     {op: "getMovieAccountStates", target: func() any { return new(gen.AccountStates) }},
	"movie-alternative-titles.200.json": {op: "getMovieAlternativeTitles", target: func() any { return new(gen.AlternativeTitles) }},
	"movie-changes.200.json":            {op: "getMovieChanges", target: func() any { return new(gen.MovieChanges) }},
	"movie-credits.200.json":            {op: "getMovieCredits", target: func() any { return new(gen.Credits) }},
	"movie-external-ids.200.json":       {op: "getMovieExternalIDs", target: func() any { return new(gen.ExternalIDs) }},
	"movie-images.200.json":             {op: "getMovieImages", target: func() any { return new(gen.Images) }},
	"movie-keywords.200.json":           {op: "getMovieKeywords", target: func() any { return new(gen.Keywords) }},
	"movie-lists.200.json":              {op: "getMovieLists", target: func() any { return new(gen.MovieListsPage) }},
	"movie-recommendations.200.json":    {op: "getMovieRecommendations", target: func() any { return new(gen.MoviePage) }, saysNothing: true},
	"movie-release-dates.200.json":      {op: "getMovieReleaseDates", target: func() any { return new(gen.ReleaseDates) }},
	"movie-reviews.200.json":            {op: "getMovieReviews", target: func() any { return new(gen.ReviewPage) }},
	"movie-similar.200.json":            {op: "getSimilarMovies", target: func() any { return new(gen.MoviePage) }},
	"movie-translations.200.json":       {op: "getMovieTranslations", target: func() any { return new(gen.Translations) }},
	"movie-videos.200.json":             {op: "getMovieVideos", target: func() any { return new(gen.Videos) }},
	"movie-watch-providers.200.json":    {op: "getMovieWatchProviders", target: func() any { return new(gen.WatchProviders) }},
	// TMDB's document gives every response as 200; a new rating is a 201.
	"movie-add-rating.200.json":    {op: "addMovieRating", status: "201", target: func() any { return new(gen.StatusResponse) }},
	"movie-delete-rating.200.json": {op: "deleteMovieRating", target: func() any { return new(gen.StatusResponse) }},

	// movie lists
	"movie-latest-id.200.json":        {op: "getLatestMovie", target: func() any { return new(gen.MovieDetails) }},
	"movie-now-playing-list.200.json": {op: "getNowPlayingMovies", target: func() any { return new(gen.DatedMoviePage) }},
	"movie-popular-list.200.json":     {op: "getPopularMovies", target: func() any { return new(gen.MoviePage) }},
	"movie-top-rated-list.200.json":   {op: "getTopRatedMovies", target: func() any { return new(gen.MoviePage) }},
	"movie-upcoming-list.200.json":    {op: "getUpcomingMovies", target: func() any { return new(gen.DatedMoviePage) }},
	"changes-movie-list.200.json":     {op: "getMovieChangeList", target: func() any { return new(gen.ChangedMoviePage) }},

	// search, configuration, guest sessions
	"search-movie.200.json":               {op: "searchMovies", target: func() any { return new(gen.MoviePage) }},
	"configuration-details.200.json":      {op: "getConfiguration", target: func() any { return new(gen.Configuration) }},
	"guest-session-rated-movies.200.json": {op: "getGuestSessionRatedMovies", target: func() any { return new(gen.RatedMoviePage) }},
}

// example is one example file resolved against the spec.
type example struct {
	file   string
	data   []byte
	c      exampleCase
	status string              // the spec response it is checked against
	schema *openapi3.SchemaRef // that response's application/json schema
	value  any                 // the example decoded as plain JSON
}

// loadExamples reads every entry of exampleCases and resolves its schema;
// it fails the test when the table and the directory disagree or when an
// entry names a type other than the one its operation returns.
func loadExamples(t *testing.T, doc *openapi3.T) []example {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(examplesDir, "*.json"))
	require.NoError(t, err)
	var onDisk []string
	for _, f := range files {
		onDisk = append(onDisk, filepath.Base(f))
	}
	var inTable []string
	for name := range exampleCases {
		inTable = append(inTable, name)
	}
	sort.Strings(inTable)
	require.ElementsMatch(t, inTable, onDisk, "the example files and exampleCases must list the same files")

	byID := map[string]*openapi3.Operation{}
	for _, o := range specOperations(doc) {
		byID[o.op.OperationID] = o.op
	}

	examples := make([]example, 0, len(inTable))
	for _, name := range inTable {
		c := exampleCases[name]
		op := byID[c.op]
		require.NotNil(t, op, "%s: the spec has no operation %q", name, c.op)
		status := c.status
		if status == "" {
			parts := strings.Split(name, ".")
			status = parts[len(parts)-2]
		}
		resp := op.Responses.Value(status)
		require.NotNil(t, resp, "%s: operation %s declares no %s response", name, c.op, status)
		media := resp.Value.Content.Get("application/json")
		require.NotNil(t, media, "%s: operation %s %s has no JSON content", name, c.op, status)
		want := strings.TrimPrefix(media.Schema.Ref, schemaRefPrefix)
		got := reflect.TypeOf(c.target()).Elem().Name()
		require.Equal(t, want, got, "%s: operation %s %s returns %s", name, c.op, status, want)

		data, err := os.ReadFile(filepath.Join(examplesDir, name))
		require.NoError(t, err)
		var v any
		require.NoError(t, json.Unmarshal(data, &v), "%s is not JSON", name)
		examples = append(examples, example{file: name, data: data, c: c, status: status, schema: media.Schema, value: v})
	}
	return examples
}

// finding is one row of the failure table of TestExamplesDecode.
type finding struct{ file, decoder, err string }

func TestExamplesDecode(t *testing.T) {
	doc := loadSpec(t)
	examples := loadExamples(t, doc)

	var findings []finding
	for _, ex := range examples {
		std, stdErr := ex.c.target(), error(nil)
		dec := json.NewDecoder(bytes.NewReader(ex.data))
		dec.DisallowUnknownFields()
		if stdErr = dec.Decode(std); stdErr != nil {
			findings = append(findings, finding{ex.file, "encoding/json", stdErr.Error()})
		}
		fast := ex.c.target()
		fastErr := jsonx.UnmarshalStrict(ex.data, fast)
		if fastErr != nil {
			findings = append(findings, finding{ex.file, "jsonx", fastErr.Error()})
		}
		if stdErr == nil && fastErr == nil {
			assert.Equal(t, std, fast, "%s: encoding/json and jsonx decode to different values", ex.file)
		}

		obj, _ := ex.value.(map[string]any)
		if ex.c.saysNothing {
			assert.Empty(t, obj, "%s is marked as an example that says nothing, but it has content now; drop saysNothing", ex.file)
			t.Logf("%s: TMDB publishes {} for this operation, an example that says nothing; it is decoded but not checked for required fields", ex.file)
			continue
		}
		assert.NotEmpty(t, obj, "%s is an empty object; mark it saysNothing if TMDB publishes it so", ex.file)
		if ex.c.op == "getMovieAccountStates" {
			var raw struct{ Rated json.RawMessage }
			require.NoError(t, json.Unmarshal(ex.data, &raw))
			var compact bytes.Buffer
			require.NoError(t, json.Compact(&compact, raw.Rated))
			if bytes.HasPrefix(compact.Bytes(), []byte("{")) {
				t.Logf("%s: TMDB's example has \"rated\": %s, a float its own schema types as integer; the spec follows the live API (false, or {\"value\": n} with halves such as 8.5)", ex.file, compact.String())
			}
		}
		for _, m := range missingRequired(ex.schema, ex.value) {
			findings = append(findings, finding{ex.file, "required (spec)", m})
		}
	}
	t.Logf("decoded %d examples with encoding/json and jsonx", len(examples))
	if len(findings) > 0 {
		t.Errorf("%d findings decoding TMDB's examples with the generated types:\n%s", len(findings), findingTable(findings))
	}
}

// missingRequired lists the fields schema requires that v lacks, walking
// objects, arrays, maps and allOf. Array indices are folded into "[]" so
// that a field missing from every result is reported once, with a count.
func missingRequired(schema *openapi3.SchemaRef, v any) []string {
	counts := map[string]int{}
	walkRequired(schema, v, "", counts)
	out := make([]string, 0, len(counts))
	for path, n := range counts {
		msg := "required field " + path + " is missing"
		if n > 1 {
			msg += fmt.Sprintf(" (%d times)", n)
		}
		out = append(out, msg)
	}
	sort.Strings(out)
	return out
}

func walkRequired(ref *openapi3.SchemaRef, v any, path string, counts map[string]int) {
	if ref == nil || ref.Value == nil || v == nil {
		return
	}
	s := ref.Value
	for _, sub := range s.AllOf {
		walkRequired(sub, v, path, counts)
	}
	switch v := v.(type) {
	case map[string]any:
		for _, name := range s.Required {
			if _, ok := v[name]; !ok {
				counts[join(path, name)]++
			}
		}
		for name, prop := range s.Properties {
			walkRequired(prop, v[name], join(path, name), counts)
		}
		if ap := s.AdditionalProperties.Schema; ap != nil {
			for key, val := range v {
				if _, declared := s.Properties[key]; !declared {
					walkRequired(ap, val, join(path, "{"+key+"}"), counts)
				}
			}
		}
	case []any:
		for _, item := range v {
			walkRequired(s.Items, item, path+"[]", counts)
		}
	}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// findingTable lays findings out as a table: example file | decoder | error.
func findingTable(findings []finding) string {
	sort.SliceStable(findings, func(i, j int) bool {
		if findings[i].file != findings[j].file {
			return findings[i].file < findings[j].file
		}
		return findings[i].decoder < findings[j].decoder
	})
	rows := append([]finding{{"example file", "decoder", "error"}}, findings...)
	wFile, wDec := 0, 0
	for _, r := range rows {
		wFile = max(wFile, len(r.file))
		wDec = max(wDec, len(r.decoder))
	}
	var b strings.Builder
	for i, r := range rows {
		fmt.Fprintf(&b, "%-*s | %-*s | %s\n", wFile, r.file, wDec, r.decoder, r.err)
		if i == 0 {
			fmt.Fprintf(&b, "%s-+-%s-+-%s\n", strings.Repeat("-", wFile), strings.Repeat("-", wDec), strings.Repeat("-", 5))
		}
	}
	return b.String()
}

// schemaExceptions lists the examples the spec's response schema rejects on
// purpose, each with the reason. An example marked saysNothing is one too.
var schemaExceptions = map[string]string{}

func TestResponseSchemasAcceptExamples(t *testing.T) {
	doc := loadSpec(t)
	var rejected []finding
	for _, ex := range loadExamples(t, doc) {
		err := ex.schema.Value.VisitJSON(ex.value,
			openapi3.VisitAsResponse(), openapi3.MultiErrors(), openapi3.DisableSchemaErrorDetails())
		reason, excepted := schemaExceptions[ex.file]
		if ex.c.saysNothing {
			excepted, reason = true, "TMDB publishes {} for this operation, an example that says nothing"
		}
		switch {
		case excepted && err == nil:
			t.Errorf("%s is listed as rejected by %s (%s) but the schema accepts it now; drop the exception", ex.file, ex.schema.Ref, reason)
		case excepted:
			t.Logf("%s: not held to %s: %s", ex.file, ex.schema.Ref, reason)
		case err != nil:
			for _, msg := range schemaErrorLines(err) {
				rejected = append(rejected, finding{ex.file, strings.TrimPrefix(ex.schema.Ref, schemaRefPrefix), msg})
			}
		}
	}
	if len(rejected) > 0 {
		t.Errorf("the spec's response schemas reject %d parts of TMDB's examples:\n%s", len(rejected), findingTable(rejected))
	}
}

// schemaErrorLines flattens a kin-openapi validation error into one line
// per problem.
func schemaErrorLines(err error) []string {
	var me openapi3.MultiError
	if errors.As(err, &me) {
		var out []string
		for _, e := range me {
			out = append(out, schemaErrorLines(e)...)
		}
		return out
	}
	return []string{strings.ReplaceAll(err.Error(), "\n", " ")}
}
