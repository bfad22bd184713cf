import Foundation
@testable import ForumDeskCore

/// A small directory: one area with two wards and three councillors, police, a frontline directorate,
/// a town council, and one contact each.
enum Fixture {
    static let directory = Directory(
        areas: [
            Area(
                id: "sandy-biggleswade", name: "Sandy and Biggleswade",
                wards: [Ward(id: "sandy", name: "Sandy"), Ward(id: "potton", name: "Potton")]),
            Area(id: "leighton-rural", name: "Leighton Rural", wards: [Ward(id: "toddington", name: "Toddington")]),
        ],
        coverageRules: [
            CoverageRule(
                area: nil, kind: .letsTalkTogether, required: [.police, .frontlineDirectorate, .townOrParishCouncil]),
            CoverageRule(area: "sandy-biggleswade", kind: nil, required: [.police, .fireAndRescue]),
        ],
        people: [
            Person(id: "cllr-a", name: "Cllr Ada Ashgrove", kind: .councillor, wards: ["sandy"]),
            Person(id: "cllr-b", name: "Cllr Bilal Bellweather", kind: .councillor, wards: ["sandy"]),
            Person(id: "cllr-c", name: "Cllr Carys Copperfield", kind: .councillor, wards: ["potton"]),
            Person(id: "cllr-t", name: "Cllr Toby Tansley", kind: .councillor, wards: ["toddington"]),
            Person(id: "sgt", name: "Sam Sergeant", kind: .contact, organisation: "police"),
            Person(id: "pcso", name: "Pat Pcso", kind: .contact, organisation: "police"),
            Person(id: "highways", name: "Hana Highways", kind: .contact, organisation: "sustainable"),
            Person(id: "clerk", name: "Cleo Clerk", kind: .contact, organisation: "sandy-tc"),
        ],
        organisations: [
            Organisation(id: "police", name: "Bedfordshire Police", sector: .police),
            Organisation(id: "fire", name: "Bedfordshire Fire and Rescue Service", sector: .fireAndRescue),
            Organisation(
                id: "sustainable", name: "Sustainable Communities", sector: .councilDirectorate, frontline: true),
            Organisation(id: "corporate", name: "Corporate Resources", sector: .councilDirectorate),
            Organisation(id: "sandy-tc", name: "Sandy Town Council", sector: .townOrParishCouncil),
        ]
    )

    static func at(_ text: String) -> Date { LondonTime.parse(text)! }

    static func meeting(
        id: String = "2026-11-24-sandy-biggleswade-ltt", start: String = "2026-11-24T19:00",
        status: MeetingStatus = .confirmed, area: String = "sandy-biggleswade",
        wards: [String] = ["sandy", "potton"]
    ) -> Meeting {
        let s = at(start)
        return Meeting(
            id: id, kind: .letsTalkTogether, title: "Let's Talk Together", area: area, wards: wards,
            start: s, end: s.addingTimeInterval(7200), venue: Venue(name: "Sandy Village Hall"), status: status)
    }

    /// The invitation notice a meeting would get if sent now.
    static func notice(
        _ councillor: String, for meeting: Meeting, at: String = "2026-11-01T10:00",
        reply: Reply = .noReply
    ) -> CouncillorNotification {
        CouncillorNotification(
            councillor: councillor, at: Fixture.at(at), method: .email, sequence: meeting.sequence,
            start: meeting.start, end: meeting.end, venue: meeting.venue.name, reply: reply)
    }
}
