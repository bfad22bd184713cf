import Foundation
import ForumDeskStore
import ForumDeskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A small mutation fuzzer in the manner of libFuzzer, run as tests so that it needs no special toolchain:
/// each input is a corpus file changed by a few random edits (bit flips, random and "interesting" bytes,
/// deleted, repeated and spliced ranges). Deterministic for a seed, so any failure can be replayed.
///
/// FORUMDESK_FUZZ_INPUTS sets inputs per target (default 4,000: a CI run), FORUMDESK_FUZZ_SEED the seed.
/// A crash writes the input to Tests/FuzzTests/Crashers/<target>-<seed>-<n> before the process dies;
/// files there are replayed by every later run, as regression tests.
struct Fuzzer {
    let target: String
    let corpus: [[UInt8]]
    var rng: SeededGenerator
    let seed: UInt64

    static var inputsPerTarget: Int { Int(ProcessInfo.processInfo.environment["FORUMDESK_FUZZ_INPUTS"] ?? "") ?? 4_000 }

    static let folder = TestPaths.repositoryRoot.appendingPathComponent("Tests/FuzzTests").path

    /// Tokens that steer a parser into its rarer paths.
    static let dictionary: [[UInt8]] =
        [
            "{", "}", "[", "]", "\"", "\\", "\\u", "\\uD800", "\\uDC00", ",", ":", "0", "-", "1e999", "1.5", "null",
            "true",
            "\r\n", "\n", "\t", " ", ";", "=", "\"\"", "BEGIN:VEVENT", "END:VEVENT",
            "ATTENDEE;PARTSTAT=ACCEPTED:mailto:",
            "METHOD:REPLY", "UID:x@forumdesk", "\r\n ", "@", "#", "due:", "due:+14d", "due:31/02", "\u{1B}[2J",
            "\u{202E}",
            "\u{200B}", "\u{0301}", "😀", "\u{FEFF}",
        ].map { Array($0.utf8) } + [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x00], [0x9B]]

    init(target: String) throws {
        self.target = target
        let dir = "\(Self.folder)/Corpus/\(target)"
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        corpus = try names.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\($0)"))) }
        seed = ProcessInfo.processInfo.environment["FORUMDESK_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20261123
        rng = SeededGenerator(seed: seed &+ UInt64(target.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }))
    }

    /// Earlier crashers of this target, replayed first.
    func crashers() -> [[UInt8]] {
        let dir = "\(Self.folder)/Crashers"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter {
            $0.hasPrefix(target + "-")
        }
        return names.sorted().compactMap { try? [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(dir)/\($0)"))) }
    }

    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<8, using: &rng) {
            case 0 where !bytes.isEmpty: bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
            case 1 where !bytes.isEmpty: bytes[at] = UInt8.random(in: 0...255, using: &rng)
            case 2: bytes.insert(contentsOf: Self.dictionary.randomElement(using: &rng)!, at: at)
            case 3 where !bytes.isEmpty:
                bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &rng)))
            case 4 where !bytes.isEmpty:
                let chunk = bytes[at..<min(bytes.count, at + Int.random(in: 1...64, using: &rng))]
                bytes.insert(
                    contentsOf: Array(repeating: chunk, count: Int.random(in: 1...8, using: &rng)).joined(), at: at)
            case 5:
                let other = corpus.randomElement(using: &rng)!
                guard !other.isEmpty else { continue }
                let from = Int.random(in: 0..<other.count, using: &rng)
                bytes.insert(
                    contentsOf: other[from..<min(other.count, from + Int.random(in: 1...256, using: &rng))], at: at)
            case 6 where !bytes.isEmpty: bytes.removeSubrange(at...)
            default: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: at)
            }
        }
        return bytes
    }

    /// Runs `body` on the crashers, the corpus, then mutated inputs; returns how many inputs ran.
    @discardableResult
    mutating func run(_ body: ([UInt8]) -> Void) -> Int {
        var count = 0
        for input in crashers() + corpus {
            CrashCapture.arm(input, name: "\(target)-replay")
            body(input)
            count += 1
        }
        for n in 0..<Self.inputsPerTarget {
            let input = mutate(corpus.randomElement(using: &rng)!)
            CrashCapture.arm(input, name: "\(target)-\(seed)-\(n)")
            body(input)
            count += 1
        }
        CrashCapture.disarm()
        print("fuzz \(target): \(count) inputs, seed \(seed), 0 crashes")
        return count
    }
}

/// Writes the input being tried to the crashers folder if the process dies of a signal (a Swift trap is
/// SIGILL or SIGTRAP), using only async-signal-safe calls, then lets the signal take its course.
enum CrashCapture {
    nonisolated(unsafe) static var input: UnsafeMutableBufferPointer<UInt8> = .allocate(capacity: 0)
    nonisolated(unsafe) static var count = 0
    nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var previous: [Int32: sigaction] = [:]
    static let signals = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE]

    static func arm(_ bytes: [UInt8], name: String) {
        if previous.isEmpty {
            for signal in signals {
                var action = sigaction()
                action.__sigaction_handler.sa_handler = { signal in
                    if let path = CrashCapture.path {
                        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                        if fd >= 0 {
                            _ = write(fd, CrashCapture.input.baseAddress, CrashCapture.count)
                            close(fd)
                        }
                    }
                    Glibc.signal(signal, SIG_DFL)
                    raise(signal)
                }
                var old = sigaction()
                sigaction(signal, &action, &old)
                previous[signal] = old
            }
        }
        if input.count < bytes.count {
            input.deallocate()
            input = .allocate(capacity: max(bytes.count, 1 << 16))
        }
        _ = input.initialize(from: bytes)
        count = bytes.count
        free(path)
        path = strdup("\(Fuzzer.folder)/Crashers/\(name)")
    }

    /// Puts back the handlers there were (the Swift runtime's backtracer).
    static func disarm() {
        for (signal, old) in previous {
            var action = old
            sigaction(signal, &action, nil)
        }
        previous = [:]
        free(path)
        path = nil
    }
}
