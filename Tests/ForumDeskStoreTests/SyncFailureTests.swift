@testable import ForumDeskStore
import Testing

/// What git prints when a sync cannot reach or log in to the remote, told apart by `Sync.classify`.
@Suite struct SyncFailureTests {
    /// Offline, whatever the names in the message hold: a test folder once named `…8C8401A6…` read as HTTP 401.
    @Test(arguments: [
        "fatal: '/tmp/forumdesk-test-AABE6C7F-8032-4700-90BD-8C8401A6B7B4/later.git' does not appear to be a git repository\nfatal: Could not read from remote repository.",
        "fatal: '/srv/permission denied/403/team.git' does not appear to be a git repository",
        "fatal: unable to access 'https://git.example.org/401/team.git/': Could not resolve host: git.example.org",
        "ssh: connect to host git.example.org port 22: Connection refused\nfatal: Could not read from remote repository.",
    ])
    func test_unreachable_isOffline(message: String) {
        guard case .offline = Sync.classify(message) else {
            Issue.record("\(String(describing: Sync.classify(message))) for \(message)")
            return
        }
    }

    @Test(arguments: [
        "fatal: unable to access 'https://git.example.org/team.git/': The requested URL returned error: 403",
        "fatal: unable to access 'https://git.example.org/team.git/': The requested URL returned error: 401",
        "remote: Invalid username or password.\nfatal: Authentication failed for 'https://git.example.org/team.git/'",
        "git@git.example.org: Permission denied (publickey).\nfatal: Could not read from remote repository.",
        "fatal: could not read Username for 'https://git.example.org': terminal prompts disabled",
        "Host key verification failed.\nfatal: Could not read from remote repository.",
    ])
    func test_refusedCredentials_isAuthentication(message: String) {
        guard case .authentication = Sync.classify(message) else {
            Issue.record("\(String(describing: Sync.classify(message))) for \(message)")
            return
        }
    }
}
