// Package wire holds the hand-written value types that the generated
// bindings in gen/ use for TMDB's irregular JSON: a rating that is either
// false or an object, and dates that may arrive as empty strings.
//
// The spec (api/tmdb-v3.yaml) points at these types with x-go-type, so the
// generated structs decode TMDB's real payloads without a custom pass. The
// public package tmdb re-exports them under the same names.
package wire
