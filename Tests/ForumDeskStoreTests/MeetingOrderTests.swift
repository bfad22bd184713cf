import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

@Suite struct MeetingOrderTests {
    func meeting(_ id: String, _ start: Double) -> Meeting {
        Meeting(
            id: id, kind: .other, title: id, area: "a", wards: [], start: Date(timeIntervalSince1970: start),
            end: Date(timeIntervalSince1970: start + 3600), venue: Venue(name: "v"), status: .planned)
    }

    /// Nearly in order (several a day, named by area), far from it (ids not named by date), reversed, equal starts:
    /// always the order of a sort by start, then id.
    @Test func test_putInOrder_equalsASort() {
        var lists: [[Meeting]] = []
        let areas = ["c", "a", "b"], hours = [7, 3, 5]
        lists.append(
            (0..<500).map { (n: Int) -> Meeting in
                let day = n / 3, k = n % 3
                return meeting("m-\(1000 + day)-\(areas[k])", Double(day * 86_400 + hours[k] * 3600))
            })
        lists.append((0..<500).map { meeting("x-\($0)", Double(($0 * 7919) % 500) * 3600) })
        lists.append((0..<300).reversed().map { meeting("r-\($0)", Double($0)) })
        lists.append((0..<50).map { meeting("same-\(50 - $0)", 0) })
        lists.append([])
        lists.append([meeting("one", 1)])
        for list in lists {
            var ordered = list
            DataStore.putInOrder(&ordered)
            #expect(ordered.map(\.id) == list.sorted { ($0.start, $0.id) < ($1.start, $1.id) }.map(\.id))
        }
    }
}
