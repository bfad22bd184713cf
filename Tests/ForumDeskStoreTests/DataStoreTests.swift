import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import ForumDeskCore
@testable import ForumDeskStore

@Suite struct SampleDataTests {
    @Test func test_sampleData_loadsWithoutErrorsOrProblems() {
        let store = DataStore(folder: DataFolder(sampleData))
        let data = store.load()
        #expect(data.loadErrors.isEmpty)
        #expect(data.meetings.count >= 40)
        #expect(data.directory.areas.count == 7)
        #expect(store.problems(in: data, now: LondonTime.parse("2026-11-23T12:00")!).isEmpty)
    }

    /// Every committed file is in canonical form: loading and saving it changes no byte.
    @Test func test_sampleData_isCanonical() throws {
        let data = DataStore(folder: DataFolder(sampleData)).load()
        for meeting in data.meetings {
            let path = try #require(data.path(ofMeeting: meeting.id))
            #expect(DataStore.encoded(meeting) == Array(FileManager.default.contents(atPath: path)!), "\(path)")
        }
        let directoryFiles: [(String, OrderedJSON)] = [
            ("directory/areas.json", Codec.encode(Codec.AreasFile(areas: data.directory.areas, coverageRules: data.directory.coverageRules))),
            ("directory/people.json", Codec.encode(Codec.PeopleFile(people: data.directory.people))),
            ("directory/organisations.json", Codec.encode(Codec.OrganisationsFile(organisations: data.directory.organisations))),
            ("forumdesk.json", Codec.encode(data.settings)),
        ]
        for (file, json) in directoryFiles {
            #expect(JSONWriter.write(json) == Array(FileManager.default.contents(atPath: sampleData + "/" + file)!), "\(file)")
        }
        #expect(data.topics.count >= 6)
        for topic in data.topics {
            let path = try DataFolder(sampleData).topicFile(topic.id)
            #expect(JSONWriter.write(Codec.encode(topic)) == Array(FileManager.default.contents(atPath: path)!), "\(path)")
        }
    }

    @Test func test_sampleData_coversWhatTheDashboardMustShow() {
        let data = DataStore(folder: DataFolder(sampleData)).load()
        let now = LondonTime.parse("2026-11-23T12:00")!
        let kinds = Set(Warnings.all(directory: data.directory, meetings: data.meetings, now: now).map(\.kind))
        #expect(kinds.isSuperset(of: [.councillorNotNotified, .staleNotice, .cancellationOwed, .partnerMissing, .overdueAction,
                                      .noAgenda, .outcomeNotRecorded]))
        let statuses = Set(data.meetings.flatMap(\.actions).map(\.status))
        #expect(statuses == Set(ActionStatus.allCases))
        let languages = Set(data.meetings.flatMap { $0.noticeTitles.keys })
        #expect(languages.isSuperset(of: ["bn", "ur", "gu", "pa"]))
        #expect(data.meetings.contains { $0.attendance.contains { $0.status == .substitute } })
        #expect(data.meetings.contains { !$0.declarations.isEmpty })
        #expect(data.directory.people.allSatisfy { ($0.email ?? "x@example.org").hasSuffix("example.org") })
    }
}

@Suite struct LoadTests {
    @Test func test_brokenFiles_areReportedWithPosition_andDoNotStopTheRest() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let total = DataStore(folder: DataFolder(root)).load().meetings.count
            let broken = root + "/meetings/2026/2026-10-06-cranfield-marston-woburn-ltt.json"
            var text = try readText(broken)
            text = text.replacingOccurrences(of: "\"kind\": \"lets-talk-together\",", with: "\"kind\": \"lets-talk-together\"")
            try writeText(text, to: broken)
            let wrongDate = root + "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json"
            try writeText(try readText(wrongDate).replacingOccurrences(of: "\"start\": \"2026-10-15T19:00:00+01:00\"",
                                                                       with: "\"start\": \"15/10/2026 19:00\""), to: wrongDate)
            let data = DataStore(folder: DataFolder(root)).load()
            #expect(data.meetings.count == total - 2)
            #expect(data.loadErrors.map(\.description) == [
                "\(broken):5:3: expected ',' or '}' but found `\"`",
                "\(wrongDate):14:12: field `start` must be a date like 2026-11-24T19:00",
            ])
        }
    }

    @Test func test_unknownWard_isAProblemWithItsPosition_andTheMeetingStillLoads() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let path = root + "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json"
            try writeText(try readText(path).replacingOccurrences(of: "\"potton\",", with: "\"pottonn\","), to: path)
            let store = DataStore(folder: DataFolder(root))
            let data = store.load()
            #expect(data.meeting("2026-10-15-sandy-biggleswade-ltt") != nil)
            let problems = store.problems(in: data, now: Date()).map(\.description)
            #expect(problems == ["\(path):11:5: unknown ward `pottonn`"])
        }
    }

    @Test func test_fileNamedUnlikeItsID_andDuplicateIDs_areReported() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let original = root + "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json"
            try FileManager.default.copyItem(atPath: original, toPath: root + "/meetings/2026/copy.json")
            let data = DataStore(folder: DataFolder(root)).load()
            #expect(data.loadErrors.map(\.message) == ["duplicate meeting id `2026-10-15-sandy-biggleswade-ltt`, already in \(original); not loaded"])
        }
    }

    @Test func test_missingFolder_isOneClearError() {
        let data = DataStore(folder: DataFolder("/nonexistent/forumdesk")).load()
        #expect(data.loadErrors.map(\.description) == ["/nonexistent/forumdesk: no such data folder"])
    }

    @Test func test_dataFolder_resolution_optionThenEnvironmentThenDefault() {
        #expect(DataFolder.resolve(option: "x/", environment: ["FORUMDESK_DATA": "y"]).root == "x")
        #expect(DataFolder.resolve(option: nil, environment: ["FORUMDESK_DATA": "y"]).root == "y")
        #expect(DataFolder.resolve(option: nil, environment: [:]).root == "data")
    }
}

@Suite(.serialized) struct SaveTests {
    func loadCopy(_ folder: String, fs: FileSystem = PosixFileSystem()) throws -> (DataStore, DataSet, String) {
        let root = try copyOfSampleData(into: folder)
        let store = DataStore(folder: DataFolder(root), fs: fs)
        return (store, store.load(), root)
    }

    @Test func test_save_writesTheFile_leavesNoTempFile_andSets0600() throws {
        try withTemporaryFolder { folder in
            let (store, data0, root) = try loadCopy(folder)
            var data = data0
            var meeting = data.meetings[0]
            meeting.publicNotes = "Updated by the test"
            try store.save(meeting, in: &data)
            let path = try #require(data.path(ofMeeting: meeting.id))
            #expect(try readText(path).contains("Updated by the test"))
            #expect(mode(of: path) == 0o600)
            #expect(!listing((path as NSString).deletingLastPathComponent).contains { $0.hasPrefix(".") })
            #expect(store.load().meeting(meeting.id) == meeting)
            _ = root
        }
    }

    @Test func test_newYearFolder_isCreated0700_whateverTheUmask() throws {
        try withTemporaryFolder { folder in
            let (store, data0, root) = try loadCopy(folder)
            for mask: mode_t in [0o000, 0o077, 0o277] {
                var data = data0
                let old = umask(mask)
                defer { umask(old) }
                var meeting = data.meetings[0]
                meeting.id = "2031-05-01-umask-\(mask)"
                meeting.start = LondonTime.parse("2031-05-01T19:00")!
                meeting.end = LondonTime.parse("2031-05-01T21:00")!
                try store.save(meeting, in: &data)
                #expect(mode(of: root + "/meetings/2031") == 0o700)
                #expect(mode(of: root + "/meetings/2031/\(meeting.id).json") == 0o600)
                try? FileManager.default.removeItem(atPath: root + "/meetings/2031")
            }
        }
    }

    @Test func test_save_refusesToOverwriteAFileChangedOnDisk() throws {
        try withTemporaryFolder { folder in
            let (store, data0, _) = try loadCopy(folder)
            var data = data0
            let meeting = data.meetings[3]
            let path = try #require(data.path(ofMeeting: meeting.id))
            let theirs = try readText(path).replacingOccurrences(of: "\"sequence\": 0", with: "\"sequence\": 0, \"note\": \"theirs\"")
            try writeText(theirs, to: path)
            var mine = meeting
            mine.publicNotes = "mine"
            #expect(throws: SaveError.changedOnDisk(path: path)) { try store.save(mine, in: &data) }
            #expect(try readText(path) == theirs)
            #expect(data.meeting(meeting.id) == meeting)  // nothing recorded as saved
        }
    }

    @Test func test_save_refusesToOverwriteAFileThatCouldNotBeRead() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let path = root + "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json"
            let good = try readText(path)
            let meeting = try DataStore.decodeMeeting(Array(good.utf8))
            try writeText(String(good.dropLast(30)), to: path)
            let store = DataStore(folder: DataFolder(root))
            var data = store.load()
            #expect(throws: SaveError.unreadableOnDisk(path: path)) { try store.save(meeting, in: &data) }
            #expect(try readText(path) == String(good.dropLast(30)))
        }
    }

    @Test func test_save_ofANewMeeting_refusesIfSomeoneCreatedTheSameFile() throws {
        try withTemporaryFolder { folder in
            let (store, data0, root) = try loadCopy(folder)
            var data = data0
            var meeting = data.meetings[0]
            meeting.id = "2026-12-30-new"
            meeting.start = LondonTime.parse("2026-12-30T19:00")!
            meeting.end = LondonTime.parse("2026-12-30T20:00")!
            try writeText("{}", to: root + "/meetings/2026/2026-12-30-new.json")
            #expect(throws: SaveError.changedOnDisk(path: root + "/meetings/2026/2026-12-30-new.json")) {
                try store.save(meeting, in: &data)
            }
        }
    }

    @Test(arguments: [FaultyFileSystem.Operation.create, .write, .fsync, .rename], [ENOSPC, EIO, EACCES, EROFS])
    func test_failedWrite_leavesOldFileIntact_noTempFile_andRetrySucceeds(operation: FaultyFileSystem.Operation, code: Int32) throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let faulty = DataStore(folder: DataFolder(root), fs: FaultyFileSystem(failing: operation, code: code))
            var data = faulty.load()
            var meeting = data.meetings[5]
            let path = try #require(data.path(ofMeeting: meeting.id))
            let before = try readText(path)
            meeting.publicNotes = "typed during the meeting"
            do {
                try faulty.save(meeting, in: &data)
                Issue.record("the save should have failed")
            } catch let error as SaveError {
                #expect(error.description.contains("nothing was written"))
                #expect(error.description.contains(SystemCallError(operation: "", path: "", code: code).reason))
            }
            #expect(try readText(path) == before)
            #expect(!listing((path as NSString).deletingLastPathComponent).contains { $0.hasPrefix(".") })
            // The disk recovers: the same data set saves.
            try DataStore(folder: DataFolder(root)).save(meeting, in: &data)
            #expect(try readText(path).contains("typed during the meeting"))
        }
    }

    @Test func test_failedFolderSync_afterRename_saysTheChangeMayNotBeDurable_andRetryIsNotAConflict() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let faulty = DataStore(folder: DataFolder(root), fs: FaultyFileSystem(failing: .fsyncFolder, code: EIO))
            var data = faulty.load()
            var meeting = data.meetings[5]
            meeting.publicNotes = "typed during the meeting"
            #expect(throws: SaveError.self) { try faulty.save(meeting, in: &data) }
            try DataStore(folder: DataFolder(root)).save(meeting, in: &data)
        }
    }

    @Test func test_meetingMovedToAnotherYear_movesItsFile() throws {
        try withTemporaryFolder { folder in
            let (store, data0, root) = try loadCopy(folder)
            var data = data0
            var meeting = try #require(data.meetings.last)
            let oldPath = try #require(data.path(ofMeeting: meeting.id))
            meeting.start = LondonTime.parse("2028-01-10T19:00")!
            meeting.end = LondonTime.parse("2028-01-10T21:00")!
            try store.save(meeting, in: &data)
            #expect(!FileManager.default.fileExists(atPath: oldPath))
            #expect(FileManager.default.fileExists(atPath: root + "/meetings/2028/\(meeting.id).json"))
            #expect(store.load().meetings.count == data0.meetings.count)
        }
    }

    @Test func test_directorySave_keepsUnknownFileFields_andOnlyWritesChangedFiles() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let peoplePath = root + "/directory/people.json"
            try writeText(try readText(peoplePath).replacingOccurrences(of: "\"schema\": 1,", with: "\"schema\": 1,\n  \"owner\": \"HR\","),
                          to: peoplePath)
            let store = DataStore(folder: DataFolder(root))
            var data = store.load()
            let areasBefore = try readText(root + "/directory/areas.json")
            var directory = data.directory
            directory.people[0].phone = "01632 960999"
            try store.saveDirectory(directory, in: &data)
            #expect(try readText(peoplePath).contains("\"owner\": \"HR\""))
            #expect(try readText(peoplePath).contains("01632 960999"))
            #expect(try readText(root + "/directory/areas.json") == areasBefore)
        }
    }

    @Test func test_abandonedTempFiles_ofDeadProcesses_areRemoved() throws {
        try withTemporaryFolder { folder in
            let (store, _, root) = try loadCopy(folder)
            let deadPid = 4_194_000  // above any pid this machine hands out
            let stale = root + "/meetings/2026/.x.json.tmp-\(deadPid)-1"
            let mine = root + "/meetings/2026/.y.json.tmp-\(getpid())-2"
            try writeText("{", to: stale)
            try writeText("{", to: mine)
            #expect(store.removeAbandonedTempFiles() == 1)
            #expect(!FileManager.default.fileExists(atPath: stale))
            #expect(FileManager.default.fileExists(atPath: mine))
        }
    }
}

/// Who has a meeting open: no lock, a file per meeting and process, ignored once its process is gone.
@Suite struct PresenceTests {
    let now = LondonTime.parse("2026-11-23T12:00")!
    let id = "2026-11-24-sandy-biggleswade-ltt"

    func write(_ folder: String, pid: Int32, host: String, since: String, seen: String? = nil) throws {
        try FileManager.default.createDirectory(atPath: folder + "/.presence", withIntermediateDirectories: true)
        let seenField = seen.map { ", \"seen\": \"\($0)\"" } ?? ""
        try writeText("{\"pid\": \(pid), \"host\": \"\(host)\", \"user\": \"ana\", \"since\": \"\(since)\"\(seenField)}",
                      to: folder + "/.presence/\(id).\(host).\(pid).json")
    }

    @Test func test_announceAndWithdraw_ownFileIsNotOthers() {
        withTemporaryFolder { folder in
            let presence = Presence(folder: DataFolder(folder))
            let me = ProcessOwner.current(now: now)
            presence.announce(meetingID: id, owner: me)
            #expect(FileManager.default.fileExists(atPath: folder + "/.presence/\(id).\(me.host).\(me.pid).json"))
            #expect(presence.others(now: now).isEmpty)
            presence.withdraw(meetingID: id, owner: me)
            #expect((try? FileManager.default.contentsOfDirectory(atPath: folder + "/.presence"))?.isEmpty == true)
        }
    }

    @Test func test_liveProcessOnThisHost_isShown_deadOneIsRemoved() throws {
        try withTemporaryFolder { folder in
            let presence = Presence(folder: DataFolder(folder))
            try write(folder, pid: getppid(), host: ProcessOwner.hostName, since: "2026-11-23T09:00")
            #expect(presence.others(now: now)[id]?.first?.pid == getppid())
            try FileManager.default.removeItem(atPath: folder + "/.presence")
            try write(folder, pid: 4_194_000, host: ProcessOwner.hostName, since: "2026-11-23T09:00")
            #expect(presence.others(now: now).isEmpty)
            #expect((try? FileManager.default.contentsOfDirectory(atPath: folder + "/.presence"))?.isEmpty == true)
        }
    }

    /// Another machine's pid cannot be checked: it counts while it has been seen in the last five minutes.
    @Test func test_otherHost_isShownUntilNotSeenForFiveMinutes() throws {
        try withTemporaryFolder { folder in
            let presence = Presence(folder: DataFolder(folder))
            try write(folder, pid: 1, host: "other-laptop", since: "2026-11-23T09:00", seen: "2026-11-23T11:58")
            #expect(presence.others(now: now)[id]?.first?.host == "other-laptop")
            try write(folder, pid: 1, host: "other-laptop", since: "2026-11-23T09:00", seen: "2026-11-23T11:50")
            #expect(presence.others(now: now).isEmpty)
        }
    }

    @Test func test_readOnlyFolder_isReportedAsSuch() {
        guard getuid() != 0 else { return }  // root writes anywhere
        withTemporaryFolder { folder in
            #expect(DataStore.unwritableReason(DataFolder(folder)) == nil)
            chmod(folder, 0o500)
            defer { chmod(folder, 0o700) }
            #expect(DataStore.unwritableReason(DataFolder(folder)) != nil)
        }
    }
}

@Suite struct TopicStoreTests {
    static func request(_ id: String = "winter-gritting-routes") -> TopicRequest {
        var t = TopicRequest(id: id, title: "Winter gritting routes", minutes: 20, organisation: "cbc-sustainable-communities",
                             purpose: [.information], engagementLevel: .consult, areas: ["leighton-rural"],
                             notBefore: CalendarDate(iso: "2026-11-23"), notAfter: CalendarDate(iso: "2027-01-31"))
        t.extra = ["budgetCode": .string("HW-07")]
        return t
    }

    @Test func test_saveAndLoad_roundTrip_keepingUnknownFields() throws {
        try withTemporaryFolder { folder in
            let store = DataStore(folder: DataFolder(try copyOfSampleData(into: folder)))
            var data = store.load()
            var topic = Self.request("bus-timetable")
            topic.reason = "line one\nline two"
            try store.save(topic, in: &data)
            #expect(mode(of: try store.folder.topicFile("bus-timetable")) == 0o600)
            #expect(store.load().topic("bus-timetable") == topic)
            try store.delete(topicID: "bus-timetable", in: &data)
            #expect(store.load().topic("bus-timetable") == nil)
        }
    }

    @Test func test_brokenTopicFile_isReported_neverOverwritten_andTheRestLoads() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let store = DataStore(folder: DataFolder(root))
            let path = try store.folder.topicFile("winter-gritting-routes")
            try writeText("{\"schema\": 1, \"id\": \"winter-gritting-routes\", \"title\": \"Gritting\", \"minutes\": \"twenty\"}\n", to: path)
            var data = store.load()
            let error = try #require(data.loadErrors.first { $0.path == path })
            #expect(error.description.contains("1:") && error.description.contains("`minutes`"))
            #expect(data.topics.count >= 6 && data.meetings.count >= 40)
            #expect(throws: SaveError.unreadableOnDisk(path: path)) { try store.save(Self.request(), in: &data) }
            #expect(try readText(path).contains("twenty"))
        }
    }

    @Test func test_topicChangedByAnotherProgram_isNotClobbered() throws {
        try withTemporaryFolder { folder in
            let store = DataStore(folder: DataFolder(try copyOfSampleData(into: folder)))
            var data = store.load()
            let path = try store.folder.topicFile("winter-gritting-routes")
            try writeText(try readText(path).replacingOccurrences(of: "\"minutes\": 20", with: "\"minutes\": 30"), to: path)
            var mine = try #require(data.topic("winter-gritting-routes"))
            mine.status = .withdrawn
            #expect(throws: SaveError.changedOnDisk(path: path)) { try store.save(mine, in: &data) }
            #expect(store.load().topic("winter-gritting-routes")?.minutes == 30)
        }
    }

    @Test func test_topicFileNamedUnlikeItsID_isNotLoaded() throws {
        try withTemporaryFolder { folder in
            let store = DataStore(folder: DataFolder(try copyOfSampleData(into: folder)))
            try FileManager.default.copyItem(atPath: try store.folder.topicFile("winter-gritting-routes"), toPath: try store.folder.topicFile("copy"))
            let data = store.load()
            #expect(data.topics.filter { $0.id == "winter-gritting-routes" }.count == 1)
            #expect(data.loadErrors.contains { $0.path.hasSuffix("topics/copy.json") && $0.message.contains("its id is `winter-gritting-routes`") })
        }
    }

    @Test func test_validate_givesTheLineOfABadTopicReference() throws {
        try withTemporaryFolder { folder in
            let store = DataStore(folder: DataFolder(try copyOfSampleData(into: folder)))
            let path = try store.folder.topicFile("winter-gritting-routes")
            try writeText(try readText(path).replacingOccurrences(of: "\"areas\": []", with: "\"areas\": [\"atlantis\"]"), to: path)
            let problems = store.problems(in: store.load(), now: LondonTime.parse("2026-11-23T12:00")!)
            let problem = try #require(problems.first { $0.path == path })
            #expect(problem.message == "unknown area `atlantis`" && problem.position != nil)
        }
    }
}
