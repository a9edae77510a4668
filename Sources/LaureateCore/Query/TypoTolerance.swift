/// Which misspellings a query word forgives, as Meilisearch's defaults have it: one typo from 5
/// letters, two from 9; none in the first letter, none in a word with a digit (a number or a
/// code: `5g`, `ccn2`, a SIREN); a typo is an insertion, a deletion, a substitution or a
/// transposition of two neighbours (Damerau-Levenshtein, optimal string alignment).
///
/// Distances count bytes of the folded word. Folding leaves French and every Latin-script text
/// in ASCII, where a byte is a letter; a folded word outside ASCII (Greek, Cyrillic) gets no typo.
enum TypoTolerance {
    /// The longest word that gets typo tolerance: the edit-distance table of a word grows as the
    /// square of its length, and no word of a name or a summary comes near this one.
    static let longestWord = 64

    /// How many typos a query word of `word`'s letters forgives.
    static func allowed(for word: UnsafeBufferPointer<UInt8>) -> Int {
        guard word.count <= longestWord, word.allSatisfy({ $0 < 0x80 && !isDigit($0) }) else { return 0 }
        return word.count >= 9 ? 2 : word.count >= 5 ? 1 : 0
    }

    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}

extension SearchIndex {
    /// The vocabulary positions whose word is within `maxDistance` typos of `query` and is not
    /// `query` itself, with their distances, ascending by position. Words with a digit, and
    /// words of another first letter (when `sameFirstLetter`), are never candidates.
    ///
    /// The sorted vocabulary is walked as a trie: one row of the edit-distance table per letter of
    /// the candidate, reused by the next word for the prefix they share, and a whole subtree of
    /// words skipped (by one binary search) once a row's minimum passes `maxDistance` (the rows'
    /// minima never decrease, transpositions included).
    func typoCandidates(
        of query: UnsafeBufferPointer<UInt8>, maxDistance: Int, sameFirstLetter: Bool = true
    ) -> [(position: Int, distance: Int)] {
        guard maxDistance > 0, !query.isEmpty, query.count <= TypoTolerance.longestWord else { return [] }
        let width = query.count + 1
        var bounds = 0..<wordCount
        if sameFirstLetter {
            bounds = prefixRange(UnsafeBufferPointer(rebasing: query[0..<1]))
        }
        // rows[d * width + j]: the distance between the candidate's first d letters and query[..<j].
        // A row past depth query.count + maxDistance + 1 is never needed (its minimum is above
        // maxDistance by then), so the table has a fixed size, on the stack when small.
        let depths = query.count + maxDistance + 2
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: depths * width) { rows in
            for column in 0..<width { rows[column] = column }
            return walk(query, maxDistance: maxDistance, bounds: bounds, rows: rows, width: width, depths: depths)
        }
    }

    private func walk(
        _ query: UnsafeBufferPointer<UInt8>, maxDistance: Int, bounds: Range<Int>,
        rows: UnsafeMutableBufferPointer<Int>,
        width: Int, depths: Int
    ) -> [(position: Int, distance: Int)] {
        wordBytes.withUnsafeBufferPointer { bytes in
            // The previous word's bytes, as far as its rows are still valid.
            var previousStart = 0
            var previousLength = 0
            var candidates: [(position: Int, distance: Int)] = []
            var position = bounds.lowerBound
            while position < bounds.upperBound {
                let start = Int(wordStarts[position])
                let length = Int(wordStarts[position + 1]) - start
                var shared = 0
                while shared < min(previousLength, length), bytes[previousStart + shared] == bytes[start + shared] {
                    shared += 1
                }
                var pruned = 0
                if shared < length {
                    for depth in (shared + 1)...length {
                        guard depth < depths else {
                            pruned = depth
                            break
                        }
                        let letter = bytes[start + depth - 1]
                        let row = depth * width
                        let above = row - width
                        rows[row] = depth
                        var minimum = depth
                        for column in 1..<width {
                            let cost = query[column - 1] == letter ? 0 : 1
                            var best = min(
                                rows[above + column] + 1, rows[row + column - 1] + 1, rows[above + column - 1] + cost)
                            if depth > 1, column > 1, letter == query[column - 2],
                                bytes[start + depth - 2] == query[column - 1]
                            {
                                best = min(best, rows[above - width + column - 2] + 1)
                            }
                            rows[row + column] = best
                            minimum = min(minimum, best)
                        }
                        if minimum > maxDistance {
                            pruned = depth
                            break
                        }
                    }
                }
                previousStart = start
                if pruned > 0 {
                    // Every word under this prefix is as far or farther: skip them all.
                    previousLength = pruned - 1
                    let subtree = prefixRange(UnsafeBufferPointer(rebasing: bytes[start..<start + pruned]))
                    position = max(position + 1, subtree.upperBound)
                    continue
                }
                previousLength = length
                let distance = rows[length * width + query.count]
                if distance <= maxDistance, distance > 0,
                    !bytes[start..<start + length].contains(where: TypoTolerance.isDigit)
                {
                    candidates.append((position, distance))
                }
                position += 1
            }
            return candidates
        }
    }
}
