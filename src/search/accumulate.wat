;; The inner loops of PostingsIndex.search (see engine-accumulate.ts): postings added into
;; per-document sums, term at a time. `npm run build:wasm` compiles this file into
;; accumulate-wasm.ts; a test checks that the two agree.
;;
;; Memory (imported, laid out by the caller; byte offsets set once by `layout`):
;;   sums     f64 per document: its sum so far, 0 when untouched
;;   seen     i32 per document: its matched leaves as bits, or their count; 0 when untouched
;;   touched  i32 per document, and one more: the documents touched, in order
;;   leafSums, leafSeen, leafTouched: the same for one leaf over several fields (leafSeen a flag)
;; (Sums and leaves side by side, 16 bytes a document, measured 30% slower on the JFK queries.)
;;   keptSums, keptSeen: per document `drain` reads, its sum and leaves
;;   ranks    i32 per document: its place in the tie order (lower first among equal scores)
;;   heapDocs, heapScores, heapSeen: the best documents `select` keeps (room for COLLECT_MAX), a
;;            min-heap whose root is the worst kept; one slot more, for the document offered
;; and, per field, its postings' documents (i32) and impacts (f64), at offsets the calls pass.
;; A part is w * (idf * impact), a sum adds parts in the order given: the numbers JavaScript gets.
(module
  (import "env" "memory" (memory 1))
  (global $sums (mut i32) (i32.const 0))
  (global $seen (mut i32) (i32.const 0))
  (global $touched (mut i32) (i32.const 0))
  (global $leafSums (mut i32) (i32.const 0))
  (global $leafSeen (mut i32) (i32.const 0))
  (global $leafTouched (mut i32) (i32.const 0))
  (global $keptSums (mut i32) (i32.const 0))
  (global $keptSeen (mut i32) (i32.const 0))
  (global $ranks (mut i32) (i32.const 0))
  (global $heapDocs (mut i32) (i32.const 0))
  (global $heapScores (mut i32) (i32.const 0))
  (global $heapSeen (mut i32) (i32.const 0))

  (func (export "layout") (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (global.set $sums (local.get 0))
    (global.set $seen (local.get 1))
    (global.set $touched (local.get 2))
    (global.set $leafSums (local.get 3))
    (global.set $leafSeen (local.get 4))
    (global.set $leafTouched (local.get 5))
    (global.set $keptSums (local.get 6))
    (global.set $keptSeen (local.get 7))
    (global.set $ranks (local.get 8))
    (global.set $heapDocs (local.get 9))
    (global.set $heapScores (local.get 10))
    (global.set $heapSeen (local.get 11)))

  ;; Adds postings lo..hi-1 of a list (documents at byte offset $docs, impacts at $imps) into the
  ;; sums; marks each document's leaf (seen | bit, or seen + 1 when $counting); appends the
  ;; documents it touches first to `touched`, from index $count. Returns the new count.
  (func (export "add")
    (param $docs i32) (param $imps i32) (param $lo i32) (param $hi i32) (param $w f64) (param $idf f64)
    (param $bit i32) (param $counting i32) (param $count i32) (result i32)
    (local $p i32) (local $d i32) (local $s i32) (local $at i32)
    (if (i32.ge_u (local.get $lo) (local.get $hi)) (then (return (local.get $count))))
    (local.set $p (local.get $lo))
    (loop $next
      (local.set $d (i32.load (i32.add (local.get $docs) (i32.shl (local.get $p) (i32.const 2)))))
      (local.set $at (i32.add (global.get $seen) (i32.shl (local.get $d) (i32.const 2))))
      (local.set $s (i32.load (local.get $at)))
      (i32.store (i32.add (global.get $touched) (i32.shl (local.get $count) (i32.const 2))) (local.get $d))
      (local.set $count (i32.add (local.get $count) (i32.eqz (local.get $s))))
      (i32.store (local.get $at)
        (select (i32.add (local.get $s) (i32.const 1)) (i32.or (local.get $s) (local.get $bit)) (local.get $counting)))
      (local.set $at (i32.add (global.get $sums) (i32.shl (local.get $d) (i32.const 3))))
      (f64.store (local.get $at)
        (f64.add (f64.load (local.get $at))
          (f64.mul (local.get $w)
            (f64.mul (local.get $idf) (f64.load (i32.add (local.get $imps) (i32.shl (local.get $p) (i32.const 3))))))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $p) (local.get $hi))))
    (local.get $count))

  ;; As `add`, into the leaf's sums (one leaf over several fields); returns the leaf's new count.
  (func (export "addLeaf")
    (param $docs i32) (param $imps i32) (param $lo i32) (param $hi i32) (param $w f64) (param $idf f64) (param $count i32) (result i32)
    (local $p i32) (local $d i32) (local $at i32)
    (if (i32.ge_u (local.get $lo) (local.get $hi)) (then (return (local.get $count))))
    (local.set $p (local.get $lo))
    (loop $next
      (local.set $d (i32.load (i32.add (local.get $docs) (i32.shl (local.get $p) (i32.const 2)))))
      (local.set $at (i32.add (global.get $leafSeen) (i32.shl (local.get $d) (i32.const 2))))
      (i32.store (i32.add (global.get $leafTouched) (i32.shl (local.get $count) (i32.const 2))) (local.get $d))
      (local.set $count (i32.add (local.get $count) (i32.eqz (i32.load (local.get $at)))))
      (i32.store (local.get $at) (i32.const 1))
      (local.set $at (i32.add (global.get $leafSums) (i32.shl (local.get $d) (i32.const 3))))
      (f64.store (local.get $at)
        (f64.add (f64.load (local.get $at))
          (f64.mul (local.get $w)
            (f64.mul (local.get $idf) (f64.load (i32.add (local.get $imps) (i32.shl (local.get $p) (i32.const 3))))))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $p) (local.get $hi))))
    (local.get $count))

  ;; Adds the leaf's sums of its first $leafCount touched documents into the sums, as `add` does,
  ;; and clears them. Returns the new count of `touched`.
  (func (export "fold") (param $leafCount i32) (param $bit i32) (param $counting i32) (param $count i32) (result i32)
    (local $i i32) (local $d i32) (local $s i32) (local $at i32) (local $leaf i32)
    (if (i32.eqz (local.get $leafCount)) (then (return (local.get $count))))
    (loop $next
      (local.set $d (i32.load (i32.add (global.get $leafTouched) (i32.shl (local.get $i) (i32.const 2)))))
      (i32.store (i32.add (global.get $leafSeen) (i32.shl (local.get $d) (i32.const 2))) (i32.const 0))
      (local.set $at (i32.add (global.get $seen) (i32.shl (local.get $d) (i32.const 2))))
      (local.set $s (i32.load (local.get $at)))
      (i32.store (i32.add (global.get $touched) (i32.shl (local.get $count) (i32.const 2))) (local.get $d))
      (local.set $count (i32.add (local.get $count) (i32.eqz (local.get $s))))
      (i32.store (local.get $at)
        (select (i32.add (local.get $s) (i32.const 1)) (i32.or (local.get $s) (local.get $bit)) (local.get $counting)))
      (local.set $leaf (i32.add (global.get $leafSums) (i32.shl (local.get $d) (i32.const 3))))
      (local.set $at (i32.add (global.get $sums) (i32.shl (local.get $d) (i32.const 3))))
      (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64.load (local.get $leaf))))
      (f64.store (local.get $leaf) (f64.const 0))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $leafCount))))
    (local.get $count))

  ;; Reads and clears the first $count touched documents' sums and leaves: the documents stay in
  ;; `touched`, their sums and leaves go to keptSums and keptSeen, in the same order.
  (func (export "drain") (param $count i32)
    (local $i i32) (local $d i32) (local $at i32)
    (if (i32.eqz (local.get $count)) (then (return)))
    (loop $next
      (local.set $d (i32.load (i32.add (global.get $touched) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $at (i32.add (global.get $sums) (i32.shl (local.get $d) (i32.const 3))))
      (f64.store (i32.add (global.get $keptSums) (i32.shl (local.get $i) (i32.const 3))) (f64.load (local.get $at)))
      (f64.store (local.get $at) (f64.const 0))
      (local.set $at (i32.add (global.get $seen) (i32.shl (local.get $d) (i32.const 2))))
      (i32.store (i32.add (global.get $keptSeen) (i32.shl (local.get $i) (i32.const 2))) (i32.load (local.get $at)))
      (i32.store (local.get $at) (i32.const 0))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $count)))))

  ;; True when heap entry $a ranks below entry $b: a lower score, or the same score and a later rank.
  (func $worse (param $a i32) (param $b i32) (result i32)
    (local $sa f64) (local $sb f64)
    (local.set $sa (f64.load (i32.add (global.get $heapScores) (i32.shl (local.get $a) (i32.const 3)))))
    (local.set $sb (f64.load (i32.add (global.get $heapScores) (i32.shl (local.get $b) (i32.const 3)))))
    (if (result i32) (f64.ne (local.get $sa) (local.get $sb))
      (then (f64.lt (local.get $sa) (local.get $sb)))
      (else
        (i32.gt_u
          (i32.load (i32.add (global.get $ranks)
            (i32.shl (i32.load (i32.add (global.get $heapDocs) (i32.shl (local.get $a) (i32.const 2)))) (i32.const 2))))
          (i32.load (i32.add (global.get $ranks)
            (i32.shl (i32.load (i32.add (global.get $heapDocs) (i32.shl (local.get $b) (i32.const 2)))) (i32.const 2))))))))

  ;; Swaps heap entries $a and $b.
  (func $swap (param $a i32) (param $b i32)
    (local $pa i32) (local $pb i32) (local $x i32) (local $f f64)
    (local.set $pa (i32.add (global.get $heapDocs) (i32.shl (local.get $a) (i32.const 2))))
    (local.set $pb (i32.add (global.get $heapDocs) (i32.shl (local.get $b) (i32.const 2))))
    (local.set $x (i32.load (local.get $pa)))
    (i32.store (local.get $pa) (i32.load (local.get $pb)))
    (i32.store (local.get $pb) (local.get $x))
    (local.set $pa (i32.add (global.get $heapSeen) (i32.shl (local.get $a) (i32.const 2))))
    (local.set $pb (i32.add (global.get $heapSeen) (i32.shl (local.get $b) (i32.const 2))))
    (local.set $x (i32.load (local.get $pa)))
    (i32.store (local.get $pa) (i32.load (local.get $pb)))
    (i32.store (local.get $pb) (local.get $x))
    (local.set $pa (i32.add (global.get $heapScores) (i32.shl (local.get $a) (i32.const 3))))
    (local.set $pb (i32.add (global.get $heapScores) (i32.shl (local.get $b) (i32.const 3))))
    (local.set $f (f64.load (local.get $pa)))
    (f64.store (local.get $pa) (f64.load (local.get $pb)))
    (f64.store (local.get $pb) (local.get $f)))

  ;; Reads and clears the first $count touched documents' sums and leaves, keeping the best $k
  ;; (1 ≤ k ≤ the heap's room) by score, sum·m/m for m leaves matched (their bits, or their count
  ;; when $counting), then rank: heapDocs, heapScores and heapSeen hold them, in no order. A sum a
  ;; billionth below the worst kept score cannot get in (a score is within a few ulps of its sum), so
  ;; its score is not worked out. Returns how many are kept.
  (func (export "select") (param $count i32) (param $k i32) (param $counting i32) (result i32)
    (local $i i32) (local $d i32) (local $s i32) (local $sum f64) (local $score f64) (local $m f64)
    (local $size i32) (local $pos i32) (local $child i32) (local $at i32)
    (if (i32.eqz (local.get $count)) (then (return (i32.const 0))))
    (loop $next
      (local.set $d (i32.load (i32.add (global.get $touched) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $at (i32.add (global.get $sums) (i32.shl (local.get $d) (i32.const 3))))
      (local.set $sum (f64.load (local.get $at)))
      (f64.store (local.get $at) (f64.const 0))
      (local.set $at (i32.add (global.get $seen) (i32.shl (local.get $d) (i32.const 2))))
      (local.set $s (i32.load (local.get $at)))
      (i32.store (local.get $at) (i32.const 0))
      (block $done
        (br_if $done
          (i32.and (i32.ge_u (local.get $size) (local.get $k))
            (f64.lt (f64.add (local.get $sum) (f64.mul (f64.abs (local.get $sum)) (f64.const 1e-9)))
              (f64.load (global.get $heapScores)))))
        (local.set $m (f64.convert_i32_u (select (local.get $s) (i32.popcnt (local.get $s)) (local.get $counting))))
        (local.set $score (f64.div (f64.mul (local.get $sum) (local.get $m)) (local.get $m)))
        (if (i32.lt_u (local.get $size) (local.get $k))
          (then
            ;; Room: the document goes in at the end and is sifted up.
            (local.set $pos (local.get $size))
            (local.set $size (i32.add (local.get $size) (i32.const 1)))
            (call $put (local.get $pos) (local.get $d) (local.get $score) (local.get $s))
            (block $placed
              (loop $up
                (br_if $placed (i32.eqz (local.get $pos)))
                (local.set $child (local.get $pos))
                (local.set $pos (i32.shr_u (i32.sub (local.get $pos) (i32.const 1)) (i32.const 1)))
                (br_if $placed (i32.eqz (call $worse (local.get $child) (local.get $pos))))
                (call $swap (local.get $child) (local.get $pos))
                (br $up)))
            (br $done)))
        ;; Full: the document replaces the worst kept when it ranks above it, and is sifted down.
        (call $put (local.get $k) (local.get $d) (local.get $score) (local.get $s))
        (br_if $done (i32.eqz (call $worse (i32.const 0) (local.get $k))))
        (call $swap (i32.const 0) (local.get $k))
        (local.set $pos (i32.const 0))
        (block $placed
          (loop $down
            (local.set $child (i32.add (i32.shl (local.get $pos) (i32.const 1)) (i32.const 1)))
            (br_if $placed (i32.ge_u (local.get $child) (local.get $size)))
            (if (i32.lt_u (i32.add (local.get $child) (i32.const 1)) (local.get $size))
              (then
                (if (call $worse (i32.add (local.get $child) (i32.const 1)) (local.get $child))
                  (then (local.set $child (i32.add (local.get $child) (i32.const 1)))))))
            (br_if $placed (i32.eqz (call $worse (local.get $child) (local.get $pos))))
            (call $swap (local.get $child) (local.get $pos))
            (local.set $pos (local.get $child))
            (br $down))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $count))))
    (local.get $size))

  ;; Writes heap entry $at.
  (func $put (param $at i32) (param $d i32) (param $score f64) (param $s i32)
    (i32.store (i32.add (global.get $heapDocs) (i32.shl (local.get $at) (i32.const 2))) (local.get $d))
    (f64.store (i32.add (global.get $heapScores) (i32.shl (local.get $at) (i32.const 3))) (local.get $score))
    (i32.store (i32.add (global.get $heapSeen) (i32.shl (local.get $at) (i32.const 2))) (local.get $s)))
)
