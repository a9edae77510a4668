import Glibc
import LaureateClient
import Testing

@testable import LaureateServer

@Suite("Socket activation environment")
struct SocketActivationTests {
    @Test("takes the sockets passed to us, with their names")
    func ours() throws {
        let sockets = try SocketActivation.sockets(
            environment: ["LISTEN_PID": "42", "LISTEN_FDS": "2", "LISTEN_FDNAMES": "other:laureated.socket"], pid: 42)
        #expect(sockets == [ActivatedSocket(fd: 3, name: "other"), ActivatedSocket(fd: 4, name: "laureated.socket")])
        #expect(SocketActivation.choose(sockets, preferredName: "laureated.socket")?.fd == 4)
        #expect(SocketActivation.choose(sockets, preferredName: "missing")?.fd == 3)
    }

    @Test("ignores variables meant for another process, or absent")
    func notOurs() throws {
        #expect(try SocketActivation.sockets(environment: ["LISTEN_PID": "41", "LISTEN_FDS": "1"], pid: 42).isEmpty)
        #expect(try SocketActivation.sockets(environment: [:], pid: 42).isEmpty)
        #expect(try SocketActivation.sockets(environment: ["LISTEN_FDS": "1"], pid: 42).isEmpty)
    }

    @Test("falls back to fd 3 without names")
    func unnamed() throws {
        let sockets = try SocketActivation.sockets(environment: ["LISTEN_PID": "7", "LISTEN_FDS": "1"], pid: 7)
        #expect(
            SocketActivation.choose(sockets, preferredName: "laureated.socket") == ActivatedSocket(fd: 3, name: nil))
    }

    @Test(
        "rejects malformed values",
        arguments: [
            ["LISTEN_PID": "x", "LISTEN_FDS": "1"], ["LISTEN_PID": "7", "LISTEN_FDS": "-1"],
            ["LISTEN_PID": "7", "LISTEN_FDS": "one"], ["LISTEN_PID": "0"],
        ])
    func malformed(_ environment: [String: String]) {
        #expect(throws: SocketActivation.ParseError.self) {
            try SocketActivation.sockets(environment: environment, pid: 7)
        }
    }

    @Test("sd_is_socket_unix tells a listening socket from anything else")
    func check() {
        let notASocket = open("/dev/null", O_RDONLY | O_CLOEXEC)
        defer { close(notASocket) }
        #expect(!SocketActivation.isListeningUnixStream(notASocket))
        #expect(!SocketActivation.isListeningUnixStream(9999))
        let path = "/tmp/activation-\(getpid()).sock"
        unlink(path)
        let listener = UnixSocket.bound(to: path, type: Int32(SOCK_STREAM.rawValue))
        defer { close(listener) }
        defer { unlink(path) }
        #expect(!SocketActivation.isListeningUnixStream(listener))
        #expect(listen(listener, 1) == 0)
        #expect(SocketActivation.isListeningUnixStream(listener))
    }
}
