;; The inner loops of PostingsIndex.search (see engine-accumulate.ts), in two passes:
;;   1. approximate: posting lists added into f32 sums, one per document (`add`, or `touch` for
;;      a plain count); `collect` then finds the k-th largest sum and keeps, in document order,
;;      the documents whose sum exceeds it times a ratio just below 1 (the candidates);
;;   2. exact: each list searched for the candidates (galloping), their parts computed in f64 as
;;      minisearch computes them and summed in the same order (`exact`, `fold`).
;; `npm run build:wasm` compiles this file into accumulate-wasm.ts; a test checks that the two agree.
;;
;; Memory (imported, laid out by the caller; byte offsets set once by `layout`):
;;   sums       f32 per document, padded to a multiple of 16: 0 when untouched
;;   heap       f32, room for k + 1: a min-heap of the largest sums (`collect`)
;;   cand       i32 per document: the candidates, ascending
;;   candSums   f32 per document: their approximate sums
;;   exactSums  f64 per candidate: its exact sum; seen i32 per candidate: its leaves, as bits or a count
;;   leafSums   f64, leafSeen i8 per candidate: the same for one leaf over several fields
;; and, per field, its postings' documents (i32), approximate impacts (f32) and term frequencies
;; (i32), and per document its BM25 norm (f64), at offsets the calls pass.
(module
  (import "env" "memory" (memory 1))
  (global $sums (mut i32) (i32.const 0))
  (global $heap (mut i32) (i32.const 0))
  (global $cand (mut i32) (i32.const 0))
  (global $candSums (mut i32) (i32.const 0))
  (global $exactSums (mut i32) (i32.const 0))
  (global $seen (mut i32) (i32.const 0))
  (global $leafSums (mut i32) (i32.const 0))
  (global $leafSeen (mut i32) (i32.const 0))

  (func (export "layout") (param i32 i32 i32 i32 i32 i32 i32 i32)
    (global.set $sums (local.get 0))
    (global.set $heap (local.get 1))
    (global.set $cand (local.get 2))
    (global.set $candSums (local.get 3))
    (global.set $exactSums (local.get 4))
    (global.set $seen (local.get 5))
    (global.set $leafSums (local.get 6))
    (global.set $leafSeen (local.get 7)))

  ;; Adds postings lo..hi-1 (documents at byte offset $docs, f32 impacts at $imps) into the sums,
  ;; each as $w * impact.
  (func (export "add") (param $docs i32) (param $imps i32) (param $lo i32) (param $hi i32) (param $w f32)
    (local $p i32) (local $at i32)
    (if (i32.ge_u (local.get $lo) (local.get $hi)) (then (return)))
    (local.set $p (local.get $lo))
    (loop $next
      (local.set $at (i32.add (global.get $sums)
        (i32.shl (i32.load (i32.add (local.get $docs) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 2))))
      (f32.store (local.get $at) (f32.add (f32.load (local.get $at))
        (f32.mul (local.get $w) (f32.load (i32.add (local.get $imps) (i32.shl (local.get $p) (i32.const 2)))))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $p) (local.get $hi)))))

  ;; Adds 1 to the sum of each document of postings lo..hi-1: every document touched gets a
  ;; positive sum, whatever the weights.
  (func (export "touch") (param $docs i32) (param $lo i32) (param $hi i32)
    (local $p i32) (local $at i32)
    (if (i32.ge_u (local.get $lo) (local.get $hi)) (then (return)))
    (local.set $p (local.get $lo))
    (loop $next
      (local.set $at (i32.add (global.get $sums)
        (i32.shl (i32.load (i32.add (local.get $docs) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 2))))
      (f32.store (local.get $at) (f32.add (f32.load (local.get $at)) (f32.const 1)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $p) (local.get $hi)))))

  ;; Offers $v to the min-heap of the $size (< $k, or = $k and $v above the root) largest values
  ;; kept so far; returns the new size.
  (func $offer (param $v f32) (param $size i32) (param $k i32) (result i32)
    (local $pos i32) (local $child i32) (local $cv f32) (local $c2 f32)
    (if (i32.lt_u (local.get $size) (local.get $k))
      (then
        ;; Room: in at the end, sifted up.
        (local.set $pos (local.get $size))
        (block $placed
          (loop $up
            (br_if $placed (i32.eqz (local.get $pos)))
            (local.set $child (i32.shr_u (i32.sub (local.get $pos) (i32.const 1)) (i32.const 1)))
            (local.set $cv (f32.load (i32.add (global.get $heap) (i32.shl (local.get $child) (i32.const 2)))))
            (br_if $placed (f32.le (local.get $cv) (local.get $v)))
            (f32.store (i32.add (global.get $heap) (i32.shl (local.get $pos) (i32.const 2))) (local.get $cv))
            (local.set $pos (local.get $child))
            (br $up)))
        (f32.store (i32.add (global.get $heap) (i32.shl (local.get $pos) (i32.const 2))) (local.get $v))
        (return (i32.add (local.get $size) (i32.const 1)))))
    ;; Full: in at the root, in place of the smallest, sifted down.
    (block $placed
      (loop $down
        (local.set $child (i32.add (i32.shl (local.get $pos) (i32.const 1)) (i32.const 1)))
        (br_if $placed (i32.ge_u (local.get $child) (local.get $size)))
        (local.set $cv (f32.load (i32.add (global.get $heap) (i32.shl (local.get $child) (i32.const 2)))))
        (if (i32.lt_u (i32.add (local.get $child) (i32.const 1)) (local.get $size))
          (then
            (local.set $c2 (f32.load (i32.add (global.get $heap) (i32.shl (i32.add (local.get $child) (i32.const 1)) (i32.const 2)))))
            (if (f32.lt (local.get $c2) (local.get $cv))
              (then
                (local.set $cv (local.get $c2))
                (local.set $child (i32.add (local.get $child) (i32.const 1)))))))
        (br_if $placed (f32.ge (local.get $cv) (local.get $v)))
        (f32.store (i32.add (global.get $heap) (i32.shl (local.get $pos) (i32.const 2))) (local.get $cv))
        (local.set $pos (local.get $child))
        (br $down)))
    (f32.store (i32.add (global.get $heap) (i32.shl (local.get $pos) (i32.const 2))) (local.get $v))
    (local.get $size))

  ;; Offers $v when the heap has room or $v is above its root; returns the new size.
  (func $keep (param $v f32) (param $size i32) (param $k i32) (result i32)
    (if (result i32) (i32.or (i32.lt_u (local.get $size) (local.get $k)) (f32.gt (local.get $v) (f32.load (global.get $heap))))
      (then (call $offer (local.get $v) (local.get $size) (local.get $k)))
      (else (local.get $size))))

  ;; The $k-th largest positive sum of every eighth group of 16 documents, 0 when there are fewer
  ;; than $k: the k-th largest of some of the sums, so at most the k-th largest of all of them.
  ;; (Here and in `collect`, `bits` has bit i set when lane i of the 16 sums at $at is above
  ;; $theta; written out in both loops, as a call per group cost a third of the time.)
  (func $sample (param $n i32) (param $k i32) (result f32)
    (local $at i32) (local $end i32) (local $size i32) (local $bits i32) (local $theta v128)
    (local.set $end (i32.add (global.get $sums) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $at (global.get $sums))
    (loop $next
      (local.set $bits (i32.or
        (i32.or (i32x4.bitmask (f32x4.gt (v128.load (local.get $at)) (local.get $theta)))
                (i32.shl (i32x4.bitmask (f32x4.gt (v128.load offset=16 (local.get $at)) (local.get $theta))) (i32.const 4)))
        (i32.or (i32.shl (i32x4.bitmask (f32x4.gt (v128.load offset=32 (local.get $at)) (local.get $theta))) (i32.const 8))
                (i32.shl (i32x4.bitmask (f32x4.gt (v128.load offset=48 (local.get $at)) (local.get $theta))) (i32.const 12)))))
      (if (local.get $bits)
        (then
          (loop $lane
            (local.set $size (call $keep
              (f32.load (i32.add (local.get $at) (i32.shl (i32.ctz (local.get $bits)) (i32.const 2))))
              (local.get $size) (local.get $k)))
            (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
            (br_if $lane (local.get $bits)))
          (if (i32.ge_u (local.get $size) (local.get $k))
            (then (local.set $theta (f32x4.splat (f32.load (global.get $heap))))))))
      (local.set $at (i32.add (local.get $at) (i32.const 512)))
      (br_if $next (i32.lt_u (local.get $at) (local.get $end))))
    (if (result f32) (i32.lt_u (local.get $size) (local.get $k))
      (then (f32.const 0))
      (else (f32.load (global.get $heap)))))

  ;; Ends the approximate pass over the first $n sums ($n a multiple of 16): the documents whose sum
  ;; exceeds $ratio times the $k-th largest go to `cand`, ascending (with $k = 0, every document
  ;; touched), and every sum is cleared. Returns how many.
  (func (export "collect") (param $n i32) (param $k i32) (param $ratio f32) (result i32)
    (local $at i32) (local $end i32) (local $bits i32) (local $lane i32) (local $count i32)
    (local $size i32) (local $i i32) (local $kept i32) (local $least f32) (local $theta v128)
    (if (i32.eqz (local.get $n)) (then (return (i32.const 0))))
    ;; A first bound from a sample, so that few documents pass the scan below.
    (if (local.get $k) (then (local.set $least (f32.mul (call $sample (local.get $n) (local.get $k)) (local.get $ratio)))))
    (local.set $theta (f32x4.splat (local.get $least)))
    (local.set $end (i32.add (global.get $sums) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $at (global.get $sums))
    (loop $next
      (local.set $bits (i32.or
        (i32.or (i32x4.bitmask (f32x4.gt (v128.load (local.get $at)) (local.get $theta)))
                (i32.shl (i32x4.bitmask (f32x4.gt (v128.load offset=16 (local.get $at)) (local.get $theta))) (i32.const 4)))
        (i32.or (i32.shl (i32x4.bitmask (f32x4.gt (v128.load offset=32 (local.get $at)) (local.get $theta))) (i32.const 8))
                (i32.shl (i32x4.bitmask (f32x4.gt (v128.load offset=48 (local.get $at)) (local.get $theta))) (i32.const 12)))))
      (if (local.get $bits)
        (then
          (loop $each
            (local.set $lane (i32.ctz (local.get $bits)))
            (i32.store (i32.add (global.get $cand) (i32.shl (local.get $count) (i32.const 2)))
              (i32.add (i32.shr_u (i32.sub (local.get $at) (global.get $sums)) (i32.const 2)) (local.get $lane)))
            (f32.store (i32.add (global.get $candSums) (i32.shl (local.get $count) (i32.const 2)))
              (f32.load (i32.add (local.get $at) (i32.shl (local.get $lane) (i32.const 2)))))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))
            (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
            (br_if $each (local.get $bits)))))
      (v128.store (local.get $at) (v128.const i32x4 0 0 0 0))
      (v128.store offset=16 (local.get $at) (v128.const i32x4 0 0 0 0))
      (v128.store offset=32 (local.get $at) (v128.const i32x4 0 0 0 0))
      (v128.store offset=48 (local.get $at) (v128.const i32x4 0 0 0 0))
      (local.set $at (i32.add (local.get $at) (i32.const 64)))
      (br_if $next (i32.lt_u (local.get $at) (local.get $end))))
    (if (i32.eqz (local.get $k)) (then (return (local.get $count))))
    ;; The k-th largest of those collected, which is the k-th largest of all.
    (block $done
      (loop $heapify
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $size (call $keep
          (f32.load (i32.add (global.get $candSums) (i32.shl (local.get $i) (i32.const 2))))
          (local.get $size) (local.get $k)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $heapify)))
    (if (i32.lt_u (local.get $size) (local.get $k)) (then (return (local.get $count))))
    ;; Only those above the ratio of it stay, in order.
    (local.set $least (f32.mul (f32.load (global.get $heap)) (local.get $ratio)))
    (local.set $i (i32.const 0))
    (block $done
      (loop $filter
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (if (f32.gt (f32.load (i32.add (global.get $candSums) (i32.shl (local.get $i) (i32.const 2)))) (local.get $least))
          (then
            (i32.store (i32.add (global.get $cand) (i32.shl (local.get $kept) (i32.const 2)))
              (i32.load (i32.add (global.get $cand) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $kept (i32.add (local.get $kept) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $filter)))
    (local.get $kept))

  ;; For each of the first $n candidates found in postings lo..hi-1 (documents at $docs, term
  ;; frequencies at $tfs, per document norms at $norms), adds its part w * (idf * impact), the
  ;; impact floor + tf * k1 / (tf + norm) evaluated as minisearch evaluates it, to its exact sum
  ;; (marking its leaf: seen | bit, or seen + 1 when $counting), or with $leaf to its leaf sum.
  ;; The candidates are found by galloping through the list from the last one found.
  (func (export "exact")
    (param $docs i32) (param $tfs i32) (param $norms i32) (param $lo i32) (param $hi i32)
    (param $w f64) (param $idf f64) (param $k1 f64) (param $floor f64)
    (param $bit i32) (param $counting i32) (param $leaf i32) (param $n i32)
    (local $i i32) (local $c i32) (local $p i32) (local $q i32) (local $step i32) (local $mid i32)
    (local $tf f64) (local $at i32) (local $s i32)
    (local.set $p (local.get $lo))
    (block $end
      (br_if $end (i32.ge_u (local.get $p) (local.get $hi)))
      (br_if $end (i32.eqz (local.get $n)))
      (loop $next
        (local.set $c (i32.load (i32.add (global.get $cand) (i32.shl (local.get $i) (i32.const 2)))))
        (if (i32.lt_u (i32.load (i32.add (local.get $docs) (i32.shl (local.get $p) (i32.const 2)))) (local.get $c))
          (then
            ;; docs[p] < c: steps of 1, 2, 4… to a q with docs[q] >= c (or the end), then halving.
            (local.set $step (i32.const 1))
            (block $bracketed
              (loop $gallop
                (local.set $q (i32.add (local.get $p) (local.get $step)))
                (if (i32.ge_u (local.get $q) (local.get $hi))
                  (then
                    (local.set $q (local.get $hi))
                    (br $bracketed)))
                (br_if $bracketed (i32.ge_u (i32.load (i32.add (local.get $docs) (i32.shl (local.get $q) (i32.const 2)))) (local.get $c)))
                (local.set $p (local.get $q))
                (local.set $step (i32.shl (local.get $step) (i32.const 1)))
                (br $gallop)))
            (block $found
              (loop $halve
                (br_if $found (i32.le_u (i32.sub (local.get $q) (local.get $p)) (i32.const 1)))
                (local.set $mid (i32.shr_u (i32.add (local.get $p) (local.get $q)) (i32.const 1)))
                (if (i32.lt_u (i32.load (i32.add (local.get $docs) (i32.shl (local.get $mid) (i32.const 2)))) (local.get $c))
                  (then (local.set $p (local.get $mid)))
                  (else (local.set $q (local.get $mid))))
                (br $halve)))
            (local.set $p (local.get $q))
            (br_if $end (i32.ge_u (local.get $p) (local.get $hi)))))
        (if (i32.eq (i32.load (i32.add (local.get $docs) (i32.shl (local.get $p) (i32.const 2)))) (local.get $c))
          (then
            (local.set $tf (f64.convert_i32_u (i32.load (i32.add (local.get $tfs) (i32.shl (local.get $p) (i32.const 2))))))
            (local.set $at (i32.add (select (global.get $leafSums) (global.get $exactSums) (local.get $leaf)) (i32.shl (local.get $i) (i32.const 3))))
            (f64.store (local.get $at)
              (f64.add (f64.load (local.get $at))
                (f64.mul (local.get $w)
                  (f64.mul (local.get $idf)
                    (f64.add (local.get $floor)
                      (f64.div (f64.mul (local.get $tf) (local.get $k1))
                        (f64.add (local.get $tf) (f64.load (i32.add (local.get $norms) (i32.shl (local.get $c) (i32.const 3)))))))))))
            (if (local.get $leaf)
              (then (i32.store8 (i32.add (global.get $leafSeen) (local.get $i)) (i32.const 1)))
              (else
                (local.set $at (i32.add (global.get $seen) (i32.shl (local.get $i) (i32.const 2))))
                (local.set $s (i32.load (local.get $at)))
                (i32.store (local.get $at)
                  (select (i32.add (local.get $s) (i32.const 1)) (i32.or (local.get $s) (local.get $bit)) (local.get $counting)))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br_if $end (i32.ge_u (local.get $p) (local.get $hi)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $next (i32.lt_u (local.get $i) (local.get $n))))))

  ;; Adds the leaf sums of the first $n candidates that have one into their exact sums, as `exact`
  ;; does, and clears them.
  (func (export "fold") (param $n i32) (param $bit i32) (param $counting i32)
    (local $i i32) (local $at i32) (local $s i32) (local $leaf i32)
    (if (i32.eqz (local.get $n)) (then (return)))
    (loop $next
      (if (i32.load8_u (i32.add (global.get $leafSeen) (local.get $i)))
        (then
          (i32.store8 (i32.add (global.get $leafSeen) (local.get $i)) (i32.const 0))
          (local.set $leaf (i32.add (global.get $leafSums) (i32.shl (local.get $i) (i32.const 3))))
          (local.set $at (i32.add (global.get $exactSums) (i32.shl (local.get $i) (i32.const 3))))
          (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64.load (local.get $leaf))))
          (f64.store (local.get $leaf) (f64.const 0))
          (local.set $at (i32.add (global.get $seen) (i32.shl (local.get $i) (i32.const 2))))
          (local.set $s (i32.load (local.get $at)))
          (i32.store (local.get $at)
            (select (i32.add (local.get $s) (i32.const 1)) (i32.or (local.get $s) (local.get $bit)) (local.get $counting)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $n)))))
)
