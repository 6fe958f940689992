package fakeapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/tmdbfusion/tmdbfusion/api"
)

// loadSpec parses the embedded spec and builds its router. The servers are
// replaced by a single relative "/" so that requests to any host (a
// loopback test server included) find their route.
func loadSpec() (*openapi3.T, routers.Router, error) {
	doc, err := openapi3.NewLoader().LoadFromData(api.Spec)
	if err != nil {
		return nil, nil, fmt.Errorf("fakeapi: loading the spec: %w", err)
	}
	doc.Servers = openapi3.Servers{{URL: "/"}}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		return nil, nil, fmt.Errorf("fakeapi: routing the spec: %w", err)
	}
	return doc, router, nil
}

// requestValidationOptions checks parameters and bodies only: the fake
// checks credentials itself, before validation.
func requestValidationOptions() *openapi3filter.Options {
	return &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}
}

// validateRequest checks r against its operation and translates a mismatch
// into the error TMDB answers.
func validateRequest(ctx context.Context, in *openapi3filter.RequestValidationInput) *apiError {
	err := openapi3filter.ValidateRequest(ctx, in)
	if err == nil {
		return nil
	}
	var re *openapi3filter.RequestError
	if !errors.As(err, &re) {
		return newAPIError(http.StatusUnprocessableEntity, codeInvalidParams)
	}
	switch {
	case re.Parameter != nil:
		return parameterError(re.Parameter.Name, re.Parameter.In, describe(re.Err))
	case re.RequestBody != nil:
		return bodyError(re)
	default:
		return newAPIError(http.StatusUnprocessableEntity, codeInvalidParams)
	}
}

// parameterError is TMDB's answer to an invalid parameter.
func parameterError(name, in, problem string) *apiError {
	switch {
	case in == openapi3.ParameterInPath:
		return errNotFound
	case name == "page":
		return newAPIError(http.StatusBadRequest, codeInvalidPage)
	case name == "start_date" || name == "end_date":
		return newAPIError(http.StatusBadRequest, codeInvalidDate)
	default:
		return newAPIErrorf(http.StatusUnprocessableEntity, codeInvalidParams, "Invalid parameters: "+name+" "+problem+".")
	}
}

// bodyError is TMDB's answer to an invalid request body.
func bodyError(re *openapi3filter.RequestError) *apiError {
	var problem string
	var se *openapi3.SchemaError
	switch {
	case errors.Is(re.Err, openapi3filter.ErrInvalidRequired):
		problem = "a JSON body is required"
	case errors.As(re.Err, &se):
		problem = describeSchemaError(se)
	case strings.Contains(re.Reason, "Content-Type"):
		problem = "the body must be sent as application/json"
	default:
		problem = "the body is not valid JSON"
	}
	return newAPIErrorf(http.StatusBadRequest, codeValidation, "Validation failed: "+problem+".")
}

// describe says what was wrong with a parameter, without its value.
func describe(err error) string {
	var se *openapi3.SchemaError
	var pe *openapi3filter.ParseError
	switch {
	case errors.Is(err, openapi3filter.ErrInvalidRequired):
		return "is required"
	case errors.Is(err, openapi3filter.ErrInvalidEmptyValue):
		return "must not be empty"
	case errors.As(err, &se):
		return "is invalid: " + describeSchemaError(se)
	case errors.As(err, &pe):
		return "has a value of the wrong type"
	default:
		return "is invalid"
	}
}

// describeSchemaError names the field and the rule broken. kin-openapi
// keeps the offending value out of Reason.
func describeSchemaError(se *openapi3.SchemaError) string {
	if p := se.JSONPointer(); len(p) > 0 {
		return strings.Join(p, ".") + ": " + se.Reason
	}
	return se.Reason
}

// validateResponse checks a buffered response against the spec.
func validateResponse(ctx context.Context, in *openapi3filter.RequestValidationInput, rec *recorder) error {
	out := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in,
		Status:                 rec.code(),
		Header:                 rec.header,
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	out.SetBodyBytes(rec.body.Bytes())
	return openapi3filter.ValidateResponse(ctx, out)
}
