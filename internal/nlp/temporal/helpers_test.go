package temporal

import (
	"sort"
	"testing"
	"time"
)

// TestSearch checks search, from every guess, against sort.Search.
func TestSearch(t *testing.T) {
	for n := 0; n < 40; n++ {
		for at := 0; at <= n; at++ { // f holds from at on
			f := func(k int) bool { return k >= at }
			for from := 0; from <= n; from++ {
				want := from + sort.Search(n-from, func(k int) bool { return f(from + k) })
				for g := -3; g <= n+3; g++ {
					if got := search(from, g, n, f); got != want {
						t.Fatalf("search(%d, %d, %d) with f from %d = %d, want %d", from, g, n, at, got, want)
					}
				}
			}
		}
	}
}

// TestCivil checks the calendar arithmetic against package time.
func TestCivil(t *testing.T) {
	for _, y := range []int{-401, -400, -1, 0, 1, 1600, 1899, 1900, 1970, 1999, 2000, 2023, 2024, 2100, 2400, 9999} {
		for m := -13; m <= 26; m++ {
			for _, d := range []int{-31, 0, 1, 15, 28, 29, 30, 31, 32, 60} {
				tm := time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC)
				z := civilDays(y, m, d)
				if want := int(tm.Sub(time.Date(1970, 1, 1, 12, 0, 0, 0, time.UTC)).Hours() / 24); z != want && y > 1700 && y < 2200 {
					t.Fatalf("civilDays(%d, %d, %d) = %d, want %d", y, m, d, z, want)
				}
				yy, mm, dd := civilDate(z)
				ty, tmo, td := tm.Date()
				if yy != ty || mm != int(tmo) || dd != td {
					t.Fatalf("civilDate(civilDays(%d, %d, %d)) = %d-%d-%d, want %v", y, m, d, yy, mm, dd, tm)
				}
				wd := int(tm.Weekday())
				if wd == 0 {
					wd = 7
				}
				if got := civilWeekday(z); got != wd {
					t.Fatalf("civilWeekday(%d-%d-%d) = %d, want %d", y, m, d, got, wd)
				}
			}
			if got, want := daysIn(y, m), time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day(); got != want {
				t.Fatalf("daysIn(%d, %d) = %d, want %d", y, m, got, want)
			}
		}
	}
}
