// Package transform implements EventBridge input transformers: the four forms
// ORIGINAL, JSONPATH, CONSTANT and TEMPLATE of a target's ParamList, as
// specified in docs/transformers.md (facts sheet §2).
//
// A Spec is the declarative form found in scenario files. Compile validates it
// completely (form, value, JSONPath syntax, template syntax, the 10,240-character
// limits) and returns a Transformer; (*Transformer).Apply then renders the payload
// a target receives for one event. Apply is called once per (event, target), so
// it walks the raw JSON bytes of the event instead of decoding them, and
// allocates only the payload in the common case.
//
// The package depends only on the standard library, does no I/O and keeps no
// mutable global state: a compiled Transformer is immutable and safe for
// concurrent use.
package transform
