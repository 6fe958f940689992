package jsonx_test

import (
	"bytes"
	"encoding/json"
	"testing"

	gojson "github.com/goccy/go-json"

	"github.com/tmdbfusion/tmdbfusion/gen"
	"github.com/tmdbfusion/tmdbfusion/internal/jsonx"
)

// BenchmarkDecodeAppendedDetails decodes the appended movie details (91 KB)
// into gen.MovieDetails with each candidate decoder, from memory, so only
// the decoding is measured; jsonx/BodyDecoder is what the response path
// does, reading the body into a reused buffer first.
func BenchmarkDecodeAppendedDetails(b *testing.B) {
	body := appendedDetails(b)
	var bodies jsonx.BodyDecoder
	decoders := []struct {
		name   string
		decode func([]byte, any) error
	}{
		{"encoding-json/Unmarshal", json.Unmarshal},
		{"encoding-json/Decoder", func(data []byte, v any) error {
			return json.NewDecoder(bytes.NewReader(data)).Decode(v)
		}},
		{"goccy/Unmarshal", gojson.Unmarshal},
		{"goccy/Decoder", func(data []byte, v any) error {
			return gojson.NewDecoder(bytes.NewReader(data)).Decode(v)
		}},
		{"jsonx/BodyDecoder", func(data []byte, v any) error {
			return bodies.Decode(bytes.NewReader(data), int64(len(data)), v)
		}},
	}
	for _, d := range decoders {
		b.Run(d.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				var out gen.MovieDetails
				if err := d.decode(body, &out); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
