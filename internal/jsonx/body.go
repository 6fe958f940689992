package jsonx

import (
	"bytes"
	"io"
	"sync"
)

// Sizes of the read buffers of a BodyDecoder.
const (
	// minBodyBuffer is the first size of a buffer for a body of unknown
	// length; it grows as append grows a slice.
	minBodyBuffer = 8 << 10
	// maxPooledBody is the largest buffer kept for reuse, so that one very
	// large body does not pin its memory for the life of the client. It
	// also bounds the size a buffer is made for up front, whatever length
	// the body claims: a larger body grows the buffer as it arrives, so a
	// server that claims a huge length and sends little costs no more
	// than a body of this size.
	maxPooledBody = 1 << 20
)

// BodyDecoder decodes JSON documents that it first reads whole, from a
// stream such as a response body, into a buffer it reuses. Reading whole
// and decoding from memory is about twice as fast as decoding from the
// stream, which reads a few hundred bytes at a time; the buffer is taken
// from a pool and given back once the value is decoded, so a steady flow
// of responses allocates none. Decoded values never refer to the buffer:
// strings and raw messages are copies.
//
// The zero value is ready for use, and it is safe for concurrent use.
type BodyDecoder struct {
	buffers sync.Pool // of *[]byte
}

// Decode reads r to its end and decodes the document into v. size is the
// length of the body when it is known (a Content-Length), otherwise 0 or
// less. It only sizes the buffer up front, and only up to 1 MiB; a longer
// body grows the buffer as it is read, so a wrong size costs nothing more
// than an unknown one.
//
// An error from r is returned as it is, before anything is decoded, so that
// the caller can tell a broken stream from malformed JSON. A body that is
// empty or only white space gives io.EOF, as a stream decoder does.
func (d *BodyDecoder) Decode(r io.Reader, size int64, v any) error {
	bp := d.buffer(size)
	defer d.release(bp)
	data, err := readAll((*bp)[:0], r)
	*bp = data
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return io.EOF
	}
	return Unmarshal(data, v)
}

// buffer returns a buffer with room for size bytes and the read that sees
// the end of the body, but never more than maxPooledBody bytes, so that
// the buffer can be reused and a size that lies allocates little.
func (d *BodyDecoder) buffer(size int64) *[]byte {
	bp, _ := d.buffers.Get().(*[]byte)
	if bp == nil {
		bp = new([]byte)
	}
	want := minBodyBuffer
	if size > 0 {
		want = int(min(size, maxPooledBody-bytes.MinRead)) + bytes.MinRead
	}
	if cap(*bp) < want {
		*bp = make([]byte, 0, want)
	}
	return bp
}

// release gives the buffer back for reuse, unless it has grown too large.
func (d *BodyDecoder) release(bp *[]byte) {
	if cap(*bp) > maxPooledBody {
		return
	}
	*bp = (*bp)[:0]
	d.buffers.Put(bp)
}

// readAll appends what r gives until its end to buf, growing it as needed;
// io.EOF is the end, not an error.
func readAll(buf []byte, r io.Reader) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}
