import Foundation
import Testing
@testable import TerminalUI

@Suite struct LayoutTests {
    let area = Rect(x: 0, y: 0, width: 100, height: 30)

    @Test func test_split_givesFixedPartsTheirLength_andSharesTheRest() {
        let parts = Layout.split(area, .vertical, [.length(1), .fill, .length(5)])
        #expect(parts.map(\.height) == [1, 24, 5])
        #expect(parts.map(\.y) == [0, 1, 25])
        let columns = Layout.split(area, .horizontal, [.length(10), .min(20), .fill], spacing: 1)
        // A `min` part keeps its minimum and takes an equal share of what is left.
        #expect(columns.map(\.width) == [10, 54, 34])
        #expect(columns.map(\.x) == [0, 11, 66])
    }

    @Test func test_split_withTooLittleRoom_shrinksTheLastPartsFirst() {
        let parts = Layout.split(
            Rect(x: 0, y: 0, width: 10, height: 5), .vertical, [.length(3), .length(3), .length(3)])
        #expect(parts.map(\.height) == [3, 2, 0])
    }
}
