import ArgumentParser
import LaureateCore
import NIOCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// Serves `org.varlink.certification` with the varlink front end's framing, call decoding, reply
/// writing and `org.varlink.service`, so that the reference certification clients (the Python
/// `varlink` package's and `varlink-go-certification`) judge that code. Test-only: not packaged.
@main
struct CertificationServer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "laureate-varlink-certification",
        abstract: "Serve org.varlink.certification for varlink's certification clients (a test tool).")

    @Option(help: "Where to listen, as varlink addresses are written: unix:PATH.")
    var varlink: String

    func run() throws {
        guard varlink.hasPrefix("unix:"), varlink.count > 5 else {
            throw ValidationError("--varlink takes unix:PATH, got \(varlink)")
        }
        // A varlink address may carry ;mode=… after the path.
        let path = String(varlink.dropFirst(5).prefix { $0 != ";" })
        unlink(path)
        let certification = Certification()
        let service = VarlinkService(
            vendor: "laureated", product: "laureate-varlink-certification", version: "1",
            url: "https://varlink.org", interfaces: [(Certification.interfaceName, Certification.description)])
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let channel = try ServerBootstrap(group: group)
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        CertificationHandler(service: service, certification: certification))
                }
            }
            .bind(unixDomainSocketPath: path).wait()
        let ready = Array("Listening on unix:\(path)\n".utf8)
        _ = ready.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        try channel.closeFuture.wait()
    }
}

/// One connection: NUL-framed calls in, replies out in order.
final class CertificationHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let service: VarlinkService
    private let certification: Certification
    private let framer = MessageFramer(delimiter: 0, maximumBytes: VarlinkReply.maximumMessageBytes)
    private var inbound: ByteBuffer?

    init(service: VarlinkService, certification: Certification) {
        self.service = service
        self.certification = certification
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        if inbound == nil { inbound = bytes } else { inbound!.writeBuffer(&bytes) }
        var output: [UInt8] = []
        var violation = false
        while var buffer = inbound, buffer.readableBytes > 0 {
            let consumed = buffer.withUnsafeReadableBytes { bytes -> Int in
                switch framer.next(in: bytes, atEnd: false) {
                case .message(let message, let consumed):
                    do {
                        answer(try VarlinkCall.decode(message), into: &output)
                    } catch {
                        violation = true
                    }
                    return consumed
                case .blank(let consumed): return consumed
                case .incomplete: return 0
                case .tooLarge:
                    violation = true
                    return 0
                }
            }
            if consumed == 0 || violation { break }
            buffer.moveReaderIndex(forwardBy: consumed)
            inbound = buffer
        }
        if !output.isEmpty {
            context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: output)), promise: nil)
        }
        if violation { context.close(promise: nil) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event { context.close(promise: nil) }
    }

    private func answer(_ call: VarlinkCall, into output: inout [UInt8]) {
        let replies: [Result<JSONObject, VarlinkError>]
        switch call.interface {
        case VarlinkService.serviceInterface[...]: replies = [service.answer(call)]
        case Certification.interfaceName[...]: replies = certification.answer(call)
        default: replies = [.failure(.interfaceNotFound(call.interface))]
        }
        guard !call.oneway else { return }
        for (position, reply) in replies.enumerated() {
            switch reply {
            case .success(let parameters):
                VarlinkReply.write(parameters, continues: position < replies.count - 1, into: &output)
            case .failure(let error): VarlinkReply.write(error, into: &output)
            }
        }
    }
}
