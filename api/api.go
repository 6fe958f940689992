// Package api embeds api/tmdb-v3.yaml, the OpenAPI 3.0 description of the
// TMDB v3 subset this module binds. The generated client in gen/, the fake
// server in internal/fakeapi and the contract tests all follow it.
package api

import (
	_ "embed"
)

// Spec is the raw YAML text of tmdb-v3.yaml.
//
//go:embed tmdb-v3.yaml
var Spec []byte
