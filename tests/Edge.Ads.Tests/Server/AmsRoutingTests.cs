using Edge.Ads.Ams;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Tests.Support;

namespace Edge.Ads.Tests.Server;

/// <summary>What the server does with an AMS header before any ADS service runs (ads-protocol.md §1.2, §3.4).</summary>
[TestClass]
public sealed class AmsRoutingTests
{
    [TestMethod]
    public async Task AnswersSwapTargetAndSourceAndEchoTheInvokeId()
    {
        await using var server = await TestServer.StartAsync();
        await using var socket = await server.ConnectRawAsync();
        await socket.SendAsync(server.Request(AdsCommandId.ReadState, [], invokeId: 0xCAFEBABE));
        var (header, payload) = await socket.ReadAnswerAsync();
        Assert.AreEqual(TestServer.ClientAddress, header.Target);
        Assert.AreEqual(server.Device, header.Source);
        Assert.AreEqual(0xCAFEBABEu, header.InvokeId);
        Assert.AreEqual(AdsCommandId.ReadState, header.Command);
        Assert.AreEqual(AmsStateFlags.ResponseToRequest, header.StateFlags);
        Assert.AreEqual((uint)payload.Length, header.DataLength);
        Assert.AreEqual(AdsState.Run, AdsResponseDecoder.DecodeReadState(payload).AdsState);
    }

    [TestMethod]
    public async Task LocalhostNetIdCountsAsOursAndIsEchoed()
    {
        await using var server = await TestServer.StartAsync();
        await using var socket = await server.ConnectRawAsync();
        var local = new AmsAddress(AmsNetId.Local, TestServer.DevicePort);
        await socket.SendAsync(RawAmsSocket.Request(local, TestServer.ClientAddress, AdsCommandId.ReadState, []));
        var (header, _) = await socket.ReadAnswerAsync();
        Assert.AreEqual(AdsErrorCode.NoError, header.ErrorCode);
        Assert.AreEqual(local, header.Source, "answered from the address the client used");
    }

    [TestMethod]
    [DataRow((ushort)851, AdsErrorCode.TargetPortNotFound, DisplayName = "unknown AMS port: 0x6")]
    [DataRow((ushort)10000, AdsErrorCode.NoError, DisplayName = "system service")]
    public async Task PortsAreCheckedInTheAmsHeader(ushort port, AdsErrorCode expected)
    {
        await using var server = await TestServer.StartAsync();
        await using var socket = await server.ConnectRawAsync();
        await socket.SendAsync(server.Request(AdsCommandId.ReadState, [], port: port));
        var (header, payload) = await socket.ReadAnswerAsync();
        Assert.AreEqual(expected, header.ErrorCode);
        if (expected != AdsErrorCode.NoError)
            Assert.IsEmpty(payload, "an AMS-level error carries no payload");
    }

    [TestMethod]
    public async Task AForeignNetIdIsTargetMachineNotFound()
    {
        await using var server = await TestServer.StartAsync();
        await using var socket = await server.ConnectRawAsync();
        await socket.SendAsync(RawAmsSocket.Request(AmsAddress.Parse("1.1.1.1.1.1:25000"), TestServer.ClientAddress, AdsCommandId.ReadState, []));
        Assert.AreEqual(AdsErrorCode.TargetMachineNotFound, (await socket.ReadAnswerAsync()).Header.ErrorCode);
    }

    [TestMethod]
    public async Task ADataLengthThatDisagreesWithTheFrameIsInvalidAmsLength()
    {
        await using var server = await TestServer.StartAsync();
        await using var socket = await server.ConnectRawAsync();
        var frame = server.Request(AdsCommandId.Read, Payloads.Read(0x4040, 0, 4));
        BitConverter.TryWriteBytes(frame.AsSpan(6 + 20), 99u); // AMS data length field
        await socket.SendAsync(frame);
        Assert.AreEqual(AdsErrorCode.InvalidAmsLength, (await socket.ReadAnswerAsync()).Header.ErrorCode);
    }

    [TestMethod]
    [DataRow((ushort)0, DisplayName = "command 0")]
    [DataRow((ushort)8, DisplayName = "a DeviceNotification sent to the server")]
    [DataRow((ushort)77, DisplayName = "command 77")]
    public async Task CommandsWithoutAnAnswerLayoutAreServiceNotSupported(ushort command)
    {
        await using var server = await TestServer.StartAsync();
        await using var socket = await server.ConnectRawAsync();
        await socket.SendAsync(server.Request((AdsCommandId)command, [1, 2, 3]));
        var (header, payload) = await socket.ReadAnswerAsync();
        Assert.AreEqual(AdsErrorCode.DeviceServiceNotSupported, header.ErrorCode);
        Assert.IsEmpty(payload);
    }

    [TestMethod]
    public async Task ResponsesSentToTheServerAreNotAnswered()
    {
        await using var server = await TestServer.StartAsync();
        await using var socket = await server.ConnectRawAsync();
        var response = RawAmsSocket.Request(server.Device, TestServer.ClientAddress, AdsCommandId.ReadState, [], invokeId: 1);
        BitConverter.TryWriteBytes(response.AsSpan(6 + 18), (ushort)AmsStateFlags.ResponseToRequest);
        await socket.SendAsync(response);
        await socket.SendAsync(server.Request(AdsCommandId.ReadState, [], invokeId: 2));
        Assert.AreEqual(2u, (await socket.ReadAnswerAsync()).Header.InvokeId, "only the request is answered");
    }

    [TestMethod]
    public async Task PayloadsThatDoNotDecodeAnswerInvalidSizeInTheirCommandsShape()
    {
        await using var server = await TestServer.StartAsync();
        await using var socket = await server.ConnectRawAsync();
        var cases = new (AdsCommandId Command, byte[] Payload, int AnswerLength)[]
        {
            (AdsCommandId.Read, new byte[11], 8),
            (AdsCommandId.ReadWrite, Payloads.U32(0xF009, 0, 100, 50), 8), // write length 50, none present
            (AdsCommandId.Write, Payloads.U32(0x4040, 0, 2), 4),
            (AdsCommandId.ReadState, new byte[1], 4),
            (AdsCommandId.ReadDeviceInfo, new byte[4], 4),
            (AdsCommandId.AddDeviceNotification, new byte[39], 4),
            (AdsCommandId.DeleteDeviceNotification, new byte[3], 4),
            (AdsCommandId.WriteControl, new byte[7], 4),
        };
        uint invoke = 10;
        foreach (var (command, payload, answerLength) in cases)
        {
            await socket.SendAsync(server.Request(command, payload, invoke++));
            var (header, answer) = await socket.ReadAnswerAsync();
            Assert.AreEqual(AdsErrorCode.NoError, header.ErrorCode, command.ToString());
            Assert.HasCount(answerLength, answer, $"{command} error answer length");
            Assert.AreEqual((uint)AdsErrorCode.DeviceInvalidSize, BitConverter.ToUInt32(answer), command.ToString());
        }
    }
}
