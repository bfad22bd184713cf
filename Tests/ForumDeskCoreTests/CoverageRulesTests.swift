import Foundation
import Testing
@testable import ForumDeskCore

@Suite struct CoverageRulesTests {
    @Test func test_requiredRoles_unionOfApplicableRulesWithoutRepeats() {
        let meeting = Fixture.meeting()
        #expect(
            CoverageRules.requiredRoles(for: meeting, in: Fixture.directory)
                == [.police, .frontlineDirectorate, .townOrParishCouncil, .fireAndRescue])
        var forum = Fixture.meeting(area: "leighton-rural", wards: ["toddington"])
        forum.kind = .wardForum
        #expect(CoverageRules.requiredRoles(for: forum, in: Fixture.directory).isEmpty)
    }

    @Test func test_gapsBeforeMeeting_areRolesNotInvited() {
        var meeting = Fixture.meeting()
        meeting.invitations = [Invitation(organisation: "police"), Invitation(organisation: "corporate")]
        // A directorate that is not frontline does not count as a frontline directorate.
        #expect(
            CoverageRules.gaps(for: meeting, in: Fixture.directory) == [
                .frontlineDirectorate, .townOrParishCouncil, .fireAndRescue,
            ])
    }

    @Test func test_declinedInvitation_doesNotCoverTheRole() {
        var meeting = Fixture.meeting()
        meeting.invitations = [
            Invitation(organisation: "police", reply: .declined), Invitation(organisation: "sustainable"),
            Invitation(organisation: "sandy-tc", reply: .accepted), Invitation(organisation: "fire"),
        ]
        #expect(CoverageRules.gaps(for: meeting, in: Fixture.directory) == [.police])
    }

    @Test func test_gapsAfterMeeting_areRolesNotPresent_evenIfInvited() {
        var meeting = Fixture.meeting(start: "2026-10-01T19:00", status: .held)
        meeting.invitations = ["police", "sustainable", "sandy-tc", "fire"].map {
            Invitation(organisation: $0, reply: .accepted)
        }
        meeting.attendance = [
            Attendance(person: "sgt", status: .apologies, reason: "on duty"),
            Attendance(person: "pcso", status: .substitute, substituteFor: "sgt"),  // police covered by the substitute
            Attendance(person: "highways", status: .present),  // organisation from the person
            Attendance(person: "clerk", status: .absent),
            Attendance(organisation: "fire", status: .apologies),
        ]
        #expect(CoverageRules.gaps(for: meeting, in: Fixture.directory) == [.townOrParishCouncil, .fireAndRescue])
    }

    @Test func test_cancelledMeeting_hasNoGaps() {
        let meeting = Fixture.meeting(status: .cancelled)
        #expect(CoverageRules.gaps(for: meeting, in: Fixture.directory).isEmpty)
    }

    @Test func test_organisationRoles_frontlineDirectorateIsAlsoADirectorate() {
        let org = Organisation(id: "x", name: "X", sector: .councilDirectorate, frontline: true)
        #expect(org.roles == [.councilDirectorate, .frontlineDirectorate])
        #expect(Organisation(id: "y", name: "Y", sector: .other).roles.isEmpty)
    }
}
