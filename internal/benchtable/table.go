package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"text/tabwriter"
)

// sides are the sub-benchmark names that make a pair: the first of each is
// compared with the second.
var sides = [][2]string{{"facade", "baseline"}, {"on", "off"}}

// pair is two series of one benchmark, side a measured against side b.
type pair struct {
	name   string // the benchmark without the side
	labels [2]string
	a, b   *series
}

// pairUp matches the series into pairs; the others are returned apart.
func pairUp(runs []*series) (pairs []pair, single []*series) {
	byName := map[string]*series{}
	for _, s := range runs {
		byName[s.name] = s
	}
	used := map[*series]bool{}
	for _, s := range runs {
		base, side, ok := strings.Cut(reverse(s.name), "/")
		if !ok {
			continue
		}
		base, side = reverse(side), reverse(base)
		for _, sd := range sides {
			if side != sd[0] {
				continue
			}
			if other := byName[base+"/"+sd[1]]; other != nil {
				pairs = append(pairs, pair{name: base, labels: sd, a: s, b: other})
				used[s], used[other] = true, true
			}
		}
	}
	for _, s := range runs {
		if !used[s] {
			single = append(single, s)
		}
	}
	return pairs, single
}

// reverse returns s with its bytes in reverse order, to cut at the last "/".
func reverse(s string) string {
	b := []byte(s)
	slices.Reverse(b)
	return string(b)
}

// render prints one table per unit for the pairs, then the medians of the
// benchmarks that have no pair.
func render(w io.Writer, runs []*series) {
	pairs, single := pairUp(runs)
	for _, unit := range unitsOf(pairs) {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "%s\tfacade | on\tbaseline | off\tratio\t\n", unit)
		var logSum float64
		var n int
		for _, p := range pairs {
			va, vb := p.a.values[unit], p.b.values[unit]
			if va == nil || vb == nil {
				continue
			}
			ma, mb := median(va), median(vb)
			r := ratio(ma, mb)
			if !math.IsNaN(r) && r > 0 {
				logSum += math.Log(r)
				n++
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", rowName(p), cell(unit, va), cell(unit, vb), formatRatio(r))
		}
		if n > 1 {
			fmt.Fprintf(tw, "geomean\t\t\t%s\t\n", formatRatio(math.Exp(logSum/float64(n))))
		}
		_ = tw.Flush()
		fmt.Fprintln(w)
	}
	if len(single) > 0 {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "unpaired\tmedians\t\n")
		for _, s := range single {
			cells := make([]string, 0, len(s.units))
			for _, u := range s.units {
				cells = append(cells, cell(u, s.values[u])+" "+u)
			}
			fmt.Fprintf(tw, "%s\t%s\t\n", s.name, strings.Join(cells, "   "))
		}
		_ = tw.Flush()
		fmt.Fprintln(w)
	}
	if len(pairs) > 0 {
		lo, hi := runsOf(pairs)
		runs := fmt.Sprint(lo)
		if lo != hi {
			runs = fmt.Sprintf("%d to %d", lo, hi)
		}
		fmt.Fprintf(w, "medians of %s runs; ± is the largest distance of a run from the median; ratio = facade/baseline (on/off)\n", runs)
	}
}

// rowName names a pair in the tables; an on/off pair says so.
func rowName(p pair) string {
	if p.labels == sides[0] {
		return p.name
	}
	return p.name + " (" + p.labels[0] + "/" + p.labels[1] + ")"
}

// unitsOf lists the units of the pairs, the standard three first.
func unitsOf(pairs []pair) []string {
	units := []string{"ns/op", "B/op", "allocs/op"}
	seen := map[string]bool{}
	present := map[string]bool{}
	var extra []string
	for _, p := range pairs {
		for _, u := range p.a.units {
			if p.b.values[u] == nil {
				continue
			}
			present[u] = true
			if !slices.Contains(units, u) && !seen[u] {
				seen[u] = true
				extra = append(extra, u)
			}
		}
	}
	var out []string
	for _, u := range append(units, extra...) {
		if present[u] {
			out = append(out, u)
		}
	}
	return out
}

// runsOf is the fewest and the most runs of any side, for the footnote.
func runsOf(pairs []pair) (lo, hi int) {
	lo = math.MaxInt
	for _, p := range pairs {
		for _, s := range []*series{p.a, p.b} {
			n := len(s.values["ns/op"])
			lo, hi = min(lo, n), max(hi, n)
		}
	}
	if lo == math.MaxInt {
		lo = 0
	}
	return lo, hi
}

// median of vs, which is not empty.
func median(vs []float64) float64 {
	s := slices.Clone(vs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

// spread is the largest distance of a value from the median, relative to it.
func spread(vs []float64) float64 {
	m := median(vs)
	if m == 0 {
		return 0
	}
	var d float64
	for _, v := range vs {
		d = max(d, math.Abs(v-m))
	}
	return d / m
}

func ratio(a, b float64) float64 {
	if b == 0 {
		if a == 0 {
			return 1
		}
		return math.NaN()
	}
	return a / b
}

func formatRatio(r float64) string {
	if math.IsNaN(r) {
		return "n/a"
	}
	return fmt.Sprintf("%.2f×", r)
}

// cell is the median of vs in the unit's style, with its spread.
func cell(unit string, vs []float64) string {
	s := formatValue(unit, median(vs))
	if len(vs) > 1 {
		s += fmt.Sprintf(" ±%.0f%%", 100*spread(vs))
	}
	return s
}

// formatValue prints durations (ns/op, cpu-ns/op) in s, ms, µs or ns and
// sizes in B, KiB or MiB, with four significant digits.
func formatValue(unit string, v float64) string {
	switch unit {
	case "ns/op", "cpu-ns/op":
		switch {
		case v >= 1e9:
			return fmt.Sprintf("%.4gs", v/1e9)
		case v >= 1e6:
			return fmt.Sprintf("%.4gms", v/1e6)
		case v >= 1e3:
			return fmt.Sprintf("%.4gµs", v/1e3)
		}
		return fmt.Sprintf("%.4gns", v)
	case "B/op":
		switch {
		case v >= 1<<20:
			return fmt.Sprintf("%.4gMiB", v/(1<<20))
		case v >= 1<<10:
			return fmt.Sprintf("%.4gKiB", v/(1<<10))
		}
		return fmt.Sprintf("%.0fB", v)
	case "allocs/op":
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.4g", v)
}
