package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// series is every run of one benchmark: for each unit ("ns/op", "B/op",
// "allocs/op", or a custom metric such as "conns"), the value of each run.
type series struct {
	name   string // without the "Benchmark" prefix and the -GOMAXPROCS suffix
	units  []string
	values map[string][]float64
}

// parse reads benchmark result lines, such as
//
//	BenchmarkPopularPage/facade-2   7302   160311 ns/op   25693 B/op   324 allocs/op
//
// and ignores everything else. The series come in the order they first
// appear.
func parse(r io.Reader) ([]*series, error) {
	var out []*series
	byName := map[string]*series{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		name, measures, ok, err := parseLine(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if !ok {
			continue
		}
		s := byName[name]
		if s == nil {
			s = &series{name: name, values: map[string][]float64{}}
			byName[name] = s
			out = append(out, s)
		}
		for _, m := range measures {
			if _, seen := s.values[m.unit]; !seen {
				s.units = append(s.units, m.unit)
			}
			s.values[m.unit] = append(s.values[m.unit], m.value)
		}
	}
	return out, sc.Err()
}

type measure struct {
	value float64
	unit  string
}

// parseLine splits one result line; ok is false for a line that is not one.
func parseLine(line string) (name string, ms []measure, ok bool, err error) {
	f := strings.Fields(line)
	if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
		return "", nil, false, nil
	}
	if _, err := strconv.ParseInt(f[1], 10, 64); err != nil {
		return "", nil, false, nil // a log line that starts with a benchmark name
	}
	for i := 2; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return "", nil, false, fmt.Errorf("%s: value %q: %w", f[0], f[i], err)
		}
		ms = append(ms, measure{value: v, unit: f[i+1]})
	}
	return trimName(f[0]), ms, true, nil
}

// trimName drops the "Benchmark" prefix and the "-N" GOMAXPROCS suffix.
func trimName(s string) string {
	s = strings.TrimPrefix(s, "Benchmark")
	if i := strings.LastIndexByte(s, '-'); i > 0 {
		if _, err := strconv.Atoi(s[i+1:]); err == nil {
			s = s[:i]
		}
	}
	return s
}
