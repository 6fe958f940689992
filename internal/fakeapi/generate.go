package fakeapi

//go:generate go tool oapi-codegen -config server.cfg.yaml ../../api/tmdb-v3.yaml
