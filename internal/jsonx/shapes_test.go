package jsonx_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/gen"
	"github.com/tmdbfusion/tmdbfusion/internal/jsonx"
)

// shapeCases are TMDB's irregular values, each in a generated type that
// holds it: the rating that is false or an object, dates that may be "",
// instants in TMDB's layout, and free-form raw JSON.
var shapeCases = []struct {
	name string
	into func() any
	body string
}{
	{"rated false", newOf[gen.AccountStates], `{"id":550,"favorite":false,"rated":false,"watchlist":true}`},
	{"rated object", newOf[gen.AccountStates], `{"id":550,"favorite":true,"rated":{"value":8.5},"watchlist":false}`},
	{"rated object spaced", newOf[gen.AccountStates], `{"rated": { "value" : 9.0 } }`},
	{"rated null", newOf[gen.AccountStates], `{"rated":null}`},
	{"rated absent", newOf[gen.AccountStates], `{"id":550}`},
	{"date", newOf[gen.MovieSummary], `{"id":1,"release_date":"1999-10-15"}`},
	{"date empty", newOf[gen.MovieSummary], `{"id":1,"release_date":""}`},
	{"date null", newOf[gen.MovieSummary], `{"id":1,"release_date":null}`},
	{"date odd", newOf[gen.MovieSummary], `{"id":1,"release_date":"1999"}`},
	{"date escaped", newOf[gen.MovieSummary], `{"id":1,"release_date":"1999\u002d10\u002d15"}`},
	{"timestamp tmdb", newOf[gen.RequestToken], `{"success":true,"expires_at":"2016-08-26 17:04:39 UTC","request_token":"t"}`},
	{"timestamp rfc3339", newOf[gen.RequestToken], `{"expires_at":"2016-08-26T17:04:39.123Z"}`},
	{"timestamp empty", newOf[gen.RequestToken], `{"expires_at":""}`},
	{"timestamp odd", newOf[gen.RequestToken], `{"expires_at":"yesterday"}`},
	{"raw string", newOf[gen.ChangeItem], `{"id":"a","action":"updated","time":"2023-04-08 16:35:05 UTC","value":"Fight Club","original_value":"Fight club"}`},
	{"raw number", newOf[gen.ChangeItem], `{"id":"a","value":139}`},
	{"raw object", newOf[gen.ChangeItem], `{"id":"a","value":{ "poster" : {"file_path":"/x.jpg"} }}`},
	{"raw array", newOf[gen.ChangeItem], `{"id":"a","value":[1, "two", {"three":3}]}`},
	{"raw null", newOf[gen.ChangeItem], `{"id":"a","value":null}`},
	{"unicode", newOf[gen.Genre], `{"id":18,"name":"Dr\u00e1ma \ud83c\udfac"}`},
	{"invalid utf8", newOf[gen.Genre], "{\"id\":18,\"name\":\"a\xffb\"}"},
	{"unknown fields", newOf[gen.Genre], `{"id":18,"name":"Drama","extra":{"a":[1,2]}}`},
	{"null pointers", newOf[gen.MovieDetails], `{"id":550,"belongs_to_collection":null,"runtime":null,"imdb_id":null,"credits":null}`},
}

// TestDecodesShapesAsEncodingJSON checks that jsonx decodes every shape,
// by Unmarshal and by BodyDecoder, exactly as encoding/json does.
func TestDecodesShapesAsEncodingJSON(t *testing.T) {
	var bd jsonx.BodyDecoder
	for _, tc := range shapeCases {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.into()
			require.NoError(t, json.Unmarshal([]byte(tc.body), want))

			got := tc.into()
			require.NoError(t, jsonx.Unmarshal([]byte(tc.body), got))
			assert.Equal(t, want, got, "Unmarshal")

			got = tc.into()
			require.NoError(t, bd.Decode(stringsReader(tc.body), int64(len(tc.body)), got))
			assert.Equal(t, want, got, "BodyDecoder")

			got = tc.into()
			require.NoError(t, jsonx.NewDecoder(stringsReader(tc.body)).Decode(got))
			assert.Equal(t, want, got, "NewDecoder")
		})
	}
}

// TestRejectsBadShapesAsEncodingJSON checks that what encoding/json
// refuses in our types jsonx refuses too.
func TestRejectsBadShapesAsEncodingJSON(t *testing.T) {
	bad := []struct {
		name string
		into func() any
		body string
	}{
		{"rated true", newOf[gen.AccountStates], `{"rated":true}`},
		{"rated string", newOf[gen.AccountStates], `{"rated":"8.5"}`},
		{"rated without value", newOf[gen.AccountStates], `{"rated":{}}`},
		{"date number", newOf[gen.MovieSummary], `{"release_date":19991015}`},
		{"timestamp number", newOf[gen.RequestToken], `{"expires_at":1}`},
		{"id string", newOf[gen.Genre], `{"id":"18"}`},
		{"truncated", newOf[gen.MovieDetails], `{"id":550,"title":"Fight`},
		{"trailing garbage", newOf[gen.Genre], `{"id":18} x`},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			require.Error(t, json.Unmarshal([]byte(tc.body), tc.into()), "encoding/json")
			assert.Error(t, jsonx.Unmarshal([]byte(tc.body), tc.into()), "Unmarshal")
			var bd jsonx.BodyDecoder
			assert.Error(t, bd.Decode(stringsReader(tc.body), 0, tc.into()), "BodyDecoder")
		})
	}
}

// TestDecodesAppendedDetailsAsEncodingJSON decodes the largest common
// response both ways and compares every field.
func TestDecodesAppendedDetailsAsEncodingJSON(t *testing.T) {
	body := appendedDetails(t)
	var want, got, viaBody gen.MovieDetails
	require.NoError(t, json.Unmarshal(body, &want))
	require.NoError(t, jsonx.Unmarshal(body, &got))
	var bd jsonx.BodyDecoder
	require.NoError(t, bd.Decode(bytesReader(body), 0, &viaBody))
	require.NotNil(t, want.Credits)
	assert.NotEmpty(t, want.Credits.Cast)
	assert.True(t, reflect.DeepEqual(want, got), "Unmarshal differs from encoding/json")
	assert.True(t, reflect.DeepEqual(want, viaBody), "BodyDecoder differs from encoding/json")
}

func newOf[T any]() any { return new(T) }
