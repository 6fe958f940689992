package api_test

import (
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/api"
)

const (
	schemaRefPrefix   = "#/components/schemas/"
	responseRefPrefix = "#/components/responses/"
)

// loadSpec parses api.Spec; it fails the test when the document does not load.
func loadSpec(t testing.TB) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(api.Spec)
	require.NoError(t, err, "api/tmdb-v3.yaml does not load")
	return doc
}

// specOperation is one operation of the spec with where it lives.
type specOperation struct {
	method string // upper case, as net/http spells it
	path   string
	op     *openapi3.Operation
}

func (o specOperation) String() string { return o.method + " " + o.path }

// specOperations lists the spec's operations ordered by path, then method.
func specOperations(doc *openapi3.T) []specOperation {
	var ops []specOperation
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			ops = append(ops, specOperation{method: method, path: path, op: op})
		}
	}
	sort.Slice(ops, func(i, j int) bool {
		if ops[i].path != ops[j].path {
			return ops[i].path < ops[j].path
		}
		return ops[i].method < ops[j].method
	})
	return ops
}

func TestSpecLoadsAndValidates(t *testing.T) {
	doc := loadSpec(t)
	require.NoError(t, doc.Validate(context.Background()), "api/tmdb-v3.yaml is not a valid OpenAPI document")
	assert.Equal(t, "3.0.3", doc.OpenAPI)
}

func TestSpecShape(t *testing.T) {
	doc := loadSpec(t)

	assert.False(t, bytes.Contains(api.Spec, []byte("RAW_BODY")),
		"the spec mentions RAW_BODY: request bodies must be named schemas, not TMDB's raw-string placeholder")

	// The shared error responses all carry TMDB's error envelope.
	errorResponses := []string{"BadRequest", "Unauthorized", "Forbidden", "NotFound", "UnprocessableEntity", "TooManyRequests", "Error"}
	for _, name := range errorResponses {
		ref := doc.Components.Responses[name]
		if !assert.NotNil(t, ref, "components.responses.%s is missing", name) {
			continue
		}
		assertErrorEnvelope(t, "components.responses."+name, ref.Value)
	}

	for _, o := range specOperations(doc) {
		responses := o.op.Responses
		for _, status := range responses.Keys() {
			ref := responses.Value(status)
			where := o.String() + " " + status
			if strings.HasPrefix(status, "2") {
				require.NotNil(t, ref.Value, where)
				if assert.NotEmpty(t, ref.Value.Content, "%s: a success response has no content", where) {
					for mime, media := range ref.Value.Content {
						assertNamedSchema(t, doc, where+" "+mime, media.Schema)
					}
				}
				continue
			}
			// Every failure response is one of the shared error responses.
			if assert.True(t, strings.HasPrefix(ref.Ref, responseRefPrefix), "%s is not a shared error response (ref %q)", where, ref.Ref) {
				assertErrorEnvelope(t, where, ref.Value)
			}
		}
		for status, want := range map[string]string{"401": "Unauthorized", "403": "Forbidden", "429": "TooManyRequests", "default": "Error"} {
			ref := responses.Value(status)
			if assert.NotNil(t, ref, "%s does not declare %s", o, status) {
				assert.Equal(t, responseRefPrefix+want, ref.Ref, "%s %s", o, status)
			}
		}

		if body := o.op.RequestBody; body != nil {
			where := o.String() + " requestBody"
			require.NotNil(t, body.Value, where)
			if assert.NotEmpty(t, body.Value.Content, "%s has no content", where) {
				for mime, media := range body.Value.Content {
					assertNamedSchema(t, doc, where+" "+mime, media.Schema)
				}
			}
		}
	}

	var bearer, apiKey string
	for name, ref := range doc.Components.SecuritySchemes {
		s := ref.Value
		switch {
		case s.Type == "http" && strings.EqualFold(s.Scheme, "bearer"):
			bearer = name
		case s.Type == "apiKey" && s.In == "query" && s.Name == "api_key":
			apiKey = name
		}
	}
	require.NotEmpty(t, bearer, "no http bearer security scheme")
	require.NotEmpty(t, apiKey, "no apiKey security scheme sent as the api_key query parameter")
	offered := map[string]bool{}
	for _, req := range doc.Security {
		for name := range req {
			offered[name] = true
		}
	}
	assert.True(t, offered[bearer], "the document's security does not offer %s", bearer)
	assert.True(t, offered[apiKey], "the document's security does not offer %s", apiKey)
}

// assertNamedSchema checks that s is a $ref to a component schema that exists.
func assertNamedSchema(t *testing.T, doc *openapi3.T, where string, s *openapi3.SchemaRef) {
	t.Helper()
	if !assert.NotNil(t, s, "%s has no schema", where) {
		return
	}
	if !assert.True(t, strings.HasPrefix(s.Ref, schemaRefPrefix), "%s: the schema is inline, not a $ref to a named component schema", where) {
		return
	}
	name := strings.TrimPrefix(s.Ref, schemaRefPrefix)
	assert.Contains(t, doc.Components.Schemas, name, "%s refers to a schema that does not exist", where)
}

// assertErrorEnvelope checks that r's only content is ErrorResponse as JSON.
func assertErrorEnvelope(t *testing.T, where string, r *openapi3.Response) {
	t.Helper()
	if !assert.NotNil(t, r, where) {
		return
	}
	media := r.Content.Get("application/json")
	if assert.NotNil(t, media, "%s has no application/json content", where) && assert.NotNil(t, media.Schema, where) {
		assert.Equal(t, schemaRefPrefix+"ErrorResponse", media.Schema.Ref, "%s is not TMDB's error envelope", where)
	}
}

func TestGeneratedTypesHaveNoFreeFormValues(t *testing.T) {
	// The detector itself must see each form of free-form value.
	const bad = `package p
type A struct{ V interface{} }
type B struct{ V any }
type C map[string]interface{}
type D struct{ V []map[string]any }
type E interface{ M() }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "bad.go", bad, parser.SkipObjectResolution)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"bad.go:2:18: type A uses interface{}",
		"bad.go:3:18: type B uses any",
		"bad.go:4:8: type C uses map[string]interface{}",
		"bad.go:5:20: type D uses map[string]interface{}",
	}, freeFormValues(fset, f), "the free-form detector misses a case")

	const file = "../gen/tmdb.gen.go"
	f, err = parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
	require.NoError(t, err)
	assert.Empty(t, freeFormValues(fset, f), "generated types with free-form values; give the schema a shape or an x-go-type")

	var changeValue *ast.TypeSpec
	ast.Inspect(f, func(n ast.Node) bool {
		if spec, ok := n.(*ast.TypeSpec); ok && spec.Name.Name == "ChangeValue" {
			changeValue = spec
		}
		return changeValue == nil
	})
	if assert.NotNil(t, changeValue, "gen has no ChangeValue type") {
		assert.True(t, changeValue.Assign.IsValid() && isSelector(changeValue.Type, "json", "RawMessage"),
			"ChangeValue should be an alias of json.RawMessage, the single deliberate free-form value")
	}
}

// freeFormValues lists the type declarations of f that use interface{},
// any or map[string]interface{}, one line per use.
func freeFormValues(fset *token.FileSet, f *ast.File) []string {
	var found []string
	ast.Inspect(f, func(n ast.Node) bool {
		spec, ok := n.(*ast.TypeSpec)
		if !ok {
			return true
		}
		ast.Inspect(spec.Type, func(n ast.Node) bool {
			var what string
			switch n := n.(type) {
			case *ast.MapType:
				if isEmptyInterface(n.Value) {
					what = "map[string]interface{}"
				}
			case *ast.InterfaceType, *ast.Ident:
				if isEmptyInterface(n.(ast.Expr)) {
					what = "interface{}"
					if id, ok := n.(*ast.Ident); ok {
						what = id.Name
					}
				}
			}
			if what == "" {
				return true
			}
			found = append(found, fmt.Sprintf("%s: type %s uses %s", fset.Position(n.Pos()), spec.Name.Name, what))
			return false // one line per free-form value
		})
		return false
	})
	return found
}

func isSelector(e ast.Expr, pkg, name string) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == pkg && sel.Sel.Name == name
}

func isEmptyInterface(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.InterfaceType:
		return e.Methods == nil || len(e.Methods.List) == 0
	case *ast.Ident:
		return e.Name == "any"
	}
	return false
}
