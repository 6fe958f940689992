package wire_test

import (
	"encoding/json"
	"testing"
	"time"

	gojson "github.com/goccy/go-json"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/internal/wire"
)

// decoders are the two JSON decoders these types must behave the same under.
var decoders = map[string]func([]byte, any) error{
	"encoding/json": json.Unmarshal,
	"goccy/go-json": gojson.Unmarshal,
}

func TestRatedDecodesBothShapes(t *testing.T) {
	t.Parallel()
	for name, unmarshal := range decoders {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var v struct{ Rated wire.Rated }
			require.NoError(t, unmarshal([]byte(`{"Rated": false}`), &v))
			assert.False(t, v.Rated.IsRated())
			assert.Equal(t, "not rated", v.Rated.String())

			require.NoError(t, unmarshal([]byte(`{"Rated": {"value": 8.5}}`), &v))
			got, ok := v.Rated.Value()
			assert.True(t, ok)
			assert.InDelta(t, 8.5, got, 1e-12)

			require.NoError(t, unmarshal([]byte(`{"Rated": {"value": 9}}`), &v))
			got, _ = v.Rated.Value()
			assert.InDelta(t, 9.0, got, 1e-12)

			require.NoError(t, unmarshal([]byte(`{"Rated": null}`), &v))
			assert.False(t, v.Rated.IsRated())

			for _, bad := range []string{`true`, `"8.5"`, `{}`, `{"value": "x"}`, `[1]`} {
				assert.Error(t, unmarshal([]byte(`{"Rated": `+bad+`}`), &v), bad)
			}
		})
	}
}

func TestRatedEncodesAsTMDBDoes(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(wire.NewRated(8.5))
	require.NoError(t, err)
	assert.JSONEq(t, `{"value":8.5}`, string(b))
	b, err = json.Marshal(wire.Rated{})
	require.NoError(t, err)
	assert.Equal(t, "false", string(b))
}

func TestDateAcceptsEmptyAndNull(t *testing.T) {
	t.Parallel()
	for name, unmarshal := range decoders {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var v struct{ D wire.Date }
			require.NoError(t, unmarshal([]byte(`{"D":"1999-10-15"}`), &v))
			assert.Equal(t, 1999, v.D.Year())
			assert.Equal(t, time.October, v.D.Time().Month())
			assert.Equal(t, "1999-10-15", v.D.String())

			for _, empty := range []string{`""`, `null`} {
				require.NoError(t, unmarshal([]byte(`{"D":`+empty+`}`), &v))
				assert.True(t, v.D.IsZero())
				assert.Zero(t, v.D.Year())
			}

			require.NoError(t, unmarshal([]byte(`{"D":"sometime"}`), &v), "an odd date does not fail the response")
			assert.True(t, v.D.IsZero())
			assert.Equal(t, "sometime", v.D.String())

			assert.Error(t, unmarshal([]byte(`{"D":19991015}`), &v))
		})
	}
}

func TestDateFollowsJSONEscapes(t *testing.T) {
	t.Parallel()
	for name, unmarshal := range decoders {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for in, want := range map[string]string{
				`"2020\/01\/01"`:    "2020/01/01",
				`"\u0032020-01-01"`: "2020-01-01",
				`"2020-01-01"`:      "2020-01-01",
			} {
				var v struct{ D wire.Date }
				require.NoError(t, unmarshal([]byte(`{"D":`+in+`}`), &v), in)
				assert.Equal(t, want, v.D.String(), in)
			}
			var v struct{ D wire.Date }
			require.NoError(t, unmarshal([]byte(`{"D":"\u0032020-01-01"}`), &v))
			assert.Equal(t, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), v.D.Time())
		})
	}
	for in, want := range map[string]string{
		`"2020\/01\/01"`:    "2020/01/01",
		`"\u0032020-01-01"`: "2020-01-01",
		` "2020-01-01" `:    "2020-01-01",
		`"\"\\\b\f\n\r\t"`:  "\"\\\b\f\n\r\t",
	} {
		var d wire.Date
		require.NoError(t, d.UnmarshalJSON([]byte(in)), in)
		assert.Equal(t, want, d.String(), in)
	}
	for _, bad := range []string{`"\x41"`, `"\a"`, `"\'"`, `"\101"`, `"\U00000041"`, `'2020-01-01'`, "`2020-01-01`", `"2020`, `19991015`, ``} {
		var d wire.Date
		assert.Error(t, d.UnmarshalJSON([]byte(bad)), bad)
		var ts wire.Timestamp
		assert.Error(t, ts.UnmarshalJSON([]byte(bad)), bad)
	}
	var ts wire.Timestamp
	require.NoError(t, ts.UnmarshalJSON([]byte(`"2016-08-26T17:04:39Z\u0020"`)))
	assert.Equal(t, "2016-08-26T17:04:39Z ", ts.String())
	require.NoError(t, ts.UnmarshalJSON([]byte(`"2016\/08\/26"`)))
	assert.Equal(t, "2016/08/26", ts.String())
}

func TestDateRoundTrips(t *testing.T) {
	t.Parallel()
	d := wire.NewDate(time.Date(2024, 2, 29, 23, 59, 0, 0, time.FixedZone("x", 3600)))
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Equal(t, `"2024-02-29"`, string(b))
	var back wire.Date
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, d, back)

	p, err := wire.ParseDate("")
	require.NoError(t, err)
	assert.True(t, p.IsZero())
	_, err = wire.ParseDate("2024-13-01")
	assert.Error(t, err)
}

func TestTimestampLayouts(t *testing.T) {
	t.Parallel()
	want := time.Date(2016, 8, 26, 17, 4, 39, 0, time.UTC)
	for name, unmarshal := range decoders {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for _, s := range []string{"2016-08-26 17:04:39 UTC", "2016-08-26T17:04:39Z", "2016-08-26T17:04:39.000Z", "2016-08-26 17:04:39"} {
				var v struct{ T wire.Timestamp }
				require.NoError(t, unmarshal([]byte(`{"T":"`+s+`"}`), &v), s)
				assert.True(t, want.Equal(v.T.Time()), s)
				assert.Equal(t, s, v.T.String(), "the text TMDB sent is kept")
			}
			var v struct{ T wire.Timestamp }
			require.NoError(t, unmarshal([]byte(`{"T":"not a time"}`), &v))
			assert.True(t, v.T.IsZero())
		})
	}
	ts := wire.NewTimestamp(want.Add(500 * time.Millisecond))
	assert.Equal(t, "2016-08-26 17:04:39 UTC", ts.String())
	b, err := json.Marshal(ts)
	require.NoError(t, err)
	assert.Equal(t, `"2016-08-26 17:04:39 UTC"`, string(b))
}

func TestRatedFastPathAgreesWithFullDecode(t *testing.T) {
	t.Parallel()
	for _, in := range []string{`{"value":8.5}`, `{ "value" : 9 }`, `{"value":1e1}`, `{"value":0.5,"x":1}`, `{"value":"8"}`, `{"value":}`, `{"value":8.5`} {
		var fast wire.Rated
		errFast := fast.UnmarshalJSON([]byte(in))
		var want struct {
			Value *float64 `json:"value"`
		}
		errWant := json.Unmarshal([]byte(in), &want)
		if errWant != nil || want.Value == nil {
			assert.Error(t, errFast, in)
			continue
		}
		require.NoError(t, errFast, in)
		v, _ := fast.Value()
		assert.InDelta(t, *want.Value, v, 1e-12, in)
	}
}
