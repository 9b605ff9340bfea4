using System.Net;
using System.Net.Sockets;
using Edge.Transport;

namespace Edge.Board.Tests.Transport;

/// <summary>TCP links to boards keep themselves alive below the protocol: the OS ends a half-open connection on its own.</summary>
[TestClass]
public sealed class TcpKeepAliveTests
{
    [TestMethod]
    public async Task ConnectionsToABoardProbeTheirPeer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var accept = listener.AcceptTcpClientAsync();
            await using var transport = (TcpTransport)await ByteTransports.OpenAsync($"tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}", 0, TimeSpan.FromSeconds(5), default);
            using var peer = await accept;
            var socket = transport.Socket;
            Assert.AreEqual(1, (int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive)!);
            Assert.AreEqual(TcpTransport.KeepAliveIdleSeconds, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime)!);
            Assert.AreEqual(TcpTransport.KeepAliveIntervalSeconds, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval)!);
            Assert.AreEqual(TcpTransport.KeepAliveProbes, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount)!);
        }
        finally
        {
            listener.Stop();
        }
    }
}
