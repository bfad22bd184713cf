import Foundation
import ForumDeskCore

/// Each meeting's search text for the Meetings screen's `/` search (`MeetingsScreen.haystack`), in lower case,
/// kept by meeting id from one change of the data to the next: a save, a meeting read in full or changed by
/// someone else makes that meeting's text again (`Context.refresh(meetingID:)`), not every meeting's; a change of
/// the whole data or of the directory (whose names the text holds) makes them all again (`Context.refresh()`).
/// After a load the app makes them on another thread (`App.prepareSearch`), so the first letter typed does not
/// wait for the whole history's agendas and issues to be read.
final class SearchTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String: [UInt8]] = [:]
    /// Moves on at each `removeAll`: texts made for an older epoch are not kept.
    private var epoch = 0
    /// Meetings changed since the epoch began: a text made on another thread for them may be stale.
    private var changed: Set<String> = []

    func removeAll() {
        lock.withLock {
            texts = [:]
            changed = []
            epoch += 1
        }
    }

    func remove(_ id: String) {
        lock.withLock {
            texts[id] = nil
            changed.insert(id)
        }
    }

    /// The texts kept of these meetings, nil for those not made (yet).
    func cached(_ meetings: [Meeting]) -> [[UInt8]?] { lock.withLock { meetings.map { texts[$0.id] } } }

    /// The texts of these meetings in their order, those not made yet made with `make` (and kept).
    func texts(of meetings: [Meeting], make: (Meeting) -> [UInt8]) -> [[UInt8]] {
        var known: [[UInt8]?] = lock.withLock { meetings.map { texts[$0.id] } }
        var made: [(String, [UInt8])] = []
        for i in known.indices where known[i] == nil {
            let text = make(meetings[i])
            known[i] = text
            made.append((meetings[i].id, text))
        }
        if !made.isEmpty {
            lock.withLock { for (id, text) in made { texts[id] = text } }
        }
        return known.map { $0 ?? [] }
    }

    /// The epoch whose texts are being made on another thread, if any (`prepare` once per epoch).
    private var preparing: Int?

    /// Makes the texts of these meetings on another thread, keeping those still current when made; once per
    /// change of the whole data.
    func prepare(_ meetings: [Meeting], make: @escaping @Sendable (Meeting) -> [UInt8]) {
        guard
            let started = lock.withLock({ () -> Int? in
                guard preparing != epoch else { return nil }
                preparing = epoch
                return epoch
            })
        else { return }
        Thread.detachNewThread { [self] in
            let chunk = 512
            var k = 0
            while k < meetings.count {
                let part = meetings[k..<min(meetings.count, k + chunk)]
                let made = part.map { ($0.id, make($0)) }
                let current = lock.withLock { () -> Bool in
                    guard epoch == started else { return false }
                    for (id, text) in made where !changed.contains(id) && texts[id] == nil { texts[id] = text }
                    return true
                }
                if !current { return }
                k += chunk
            }
        }
    }
}
