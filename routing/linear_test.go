package routing

import (
	"math"
	"testing"
)

// TestFlatten: with nothing in the words to tell two classes apart, the
// model answers with their shares of the examples, and flattened fully it
// answers as if they were as common.
func TestFlatten(t *testing.T) {
	docs := [][]string{{"sama"}, {"sama"}, {"sama"}, {"sama"}, {"sama"}, {"sama"}, {"sama"}, {"sama"}}
	labels := []string{"a", "a", "a", "a", "a", "a", "b", "b"}
	opt := linearOptions{epochs: 50, rate: 0.5}
	plain := trainLinear(docs, labels, opt).predict([]string{"sama"})
	opt.flatten = 1
	flat := trainLinear(docs, labels, opt).predict([]string{"sama"})
	if math.Abs(plain[0]-0.75) > 0.05 {
		t.Errorf("plain: p(a) = %.3f, want about 0.75", plain[0])
	}
	if math.Abs(flat[0]-0.5) > 0.05 {
		t.Errorf("flattened: p(a) = %.3f, want about 0.5", flat[0])
	}
}
