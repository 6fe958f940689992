package jsonx

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// roomReader reads from r and records the most room a Read was given,
// which is the free capacity of the decoder's buffer.
type roomReader struct {
	r    io.Reader
	room int
}

func (rr *roomReader) Read(p []byte) (int, error) {
	rr.room = max(rr.room, len(p))
	return rr.r.Read(p)
}

// TestBodyBufferSizeIsCapped checks that a claimed length sizes the
// buffer only up to maxPooledBody, and that a buffer so sized can be
// reused.
func TestBodyBufferSizeIsCapped(t *testing.T) {
	var d BodyDecoder
	for _, size := range []int64{maxPooledBody - bytes.MinRead, maxPooledBody, maxPooledBody + 1, 16 << 20, 1 << 62} {
		bp := d.buffer(size)
		if c := cap(*bp); c > maxPooledBody {
			t.Errorf("size %d: buffer of %d bytes, want at most %d", size, c, maxPooledBody)
		}
	}
	if c := cap(*d.buffer(1000)); c < 1000+bytes.MinRead {
		t.Errorf("size 1000: buffer of %d bytes, want room for the body and the read of its end", c)
	}

	rr := &roomReader{r: strings.NewReader(`{"id":550}`)}
	var v struct{ ID int }
	if err := d.Decode(rr, 16<<20, &v); err != nil {
		t.Fatal(err)
	}
	if v.ID != 550 {
		t.Errorf("id %d, want 550", v.ID)
	}
	if rr.room > maxPooledBody {
		t.Errorf("a 10-byte body claiming 16 MiB was read into %d bytes, want at most %d", rr.room, maxPooledBody)
	}
}

// TestBodyBufferGrowsPastTheCap checks that a body longer than the capped
// size is read whole.
func TestBodyBufferGrowsPastTheCap(t *testing.T) {
	var d BodyDecoder
	body := `{"name":"` + strings.Repeat("x", 3<<20) + `"}`
	var v struct{ Name string }
	if err := d.Decode(strings.NewReader(body), int64(len(body)), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Name) != 3<<20 {
		t.Errorf("name of %d bytes, want %d", len(v.Name), 3<<20)
	}
}
