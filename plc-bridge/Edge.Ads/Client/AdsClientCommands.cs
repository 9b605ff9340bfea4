using Edge.Ads.Framing;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;

namespace Edge.Ads.Client;

/// <summary>
/// Typed ADS commands on an <see cref="AdsTcpClient"/>. Each returns the result code instead of
/// throwing, so callers (tests above all) can check error answers; an error in the AMS header
/// (unknown port, say) is returned the same way.
/// </summary>
public static class AdsClientCommands
{
    public static async Task<AdsDeviceInfoResult> ReadDeviceInfoAsync(this AdsTcpClient client, ushort? port = null, CancellationToken ct = default)
    {
        var response = await client.SendAsync(AdsCommandId.ReadDeviceInfo, ReadOnlyMemory<byte>.Empty, port, ct).ConfigureAwait(false);
        return AmsError(response) is { } error ? new AdsDeviceInfoResult(error, null) : AdsResponseDecoder.DecodeDeviceInfo(response.Payload);
    }

    public static async Task<AdsStateResult> ReadStateAsync(this AdsTcpClient client, ushort? port = null, CancellationToken ct = default)
    {
        var response = await client.SendAsync(AdsCommandId.ReadState, ReadOnlyMemory<byte>.Empty, port, ct).ConfigureAwait(false);
        return AmsError(response) is { } error ? new AdsStateResult(error, AdsState.Invalid, 0) : AdsResponseDecoder.DecodeReadState(response.Payload);
    }

    public static Task<AdsReadResult> ReadAsync(this AdsTcpClient client, uint indexGroup, uint indexOffset, uint length, ushort? port = null, CancellationToken ct = default) =>
        SendReadAsync(client, AdsCommandId.Read, w => AdsRequestEncoder.WriteRead(w, new AdsReadRequest(indexGroup, indexOffset, length)), port, ct);

    public static Task<AdsReadResult> ReadWriteAsync(this AdsTcpClient client, uint indexGroup, uint indexOffset, uint readLength, ReadOnlyMemory<byte> writeData, ushort? port = null, CancellationToken ct = default) =>
        SendReadAsync(client, AdsCommandId.ReadWrite, w => AdsRequestEncoder.WriteReadWrite(w, new AdsReadWriteRequest(indexGroup, indexOffset, readLength, writeData)), port, ct);

    public static Task<AdsErrorCode> WriteAsync(this AdsTcpClient client, uint indexGroup, uint indexOffset, ReadOnlyMemory<byte> data, ushort? port = null, CancellationToken ct = default) =>
        SendResultAsync(client, AdsCommandId.Write, w => AdsRequestEncoder.WriteWrite(w, new AdsWriteRequest(indexGroup, indexOffset, data)), port, ct);

    public static Task<AdsErrorCode> WriteControlAsync(this AdsTcpClient client, AdsState adsState, ushort deviceState, ReadOnlyMemory<byte> data = default, ushort? port = null, CancellationToken ct = default) =>
        SendResultAsync(client, AdsCommandId.WriteControl, w => AdsRequestEncoder.WriteWriteControl(w, new AdsWriteControlRequest(adsState, deviceState, data)), port, ct);

    public static async Task<AdsHandleResult> AddNotificationAsync(this AdsTcpClient client, AdsAddNotificationRequest request, ushort? port = null, CancellationToken ct = default)
    {
        var writer = new AdsBufferWriter(AdsAddNotificationRequest.Size);
        AdsRequestEncoder.WriteAddNotification(writer, request);
        var response = await client.SendAsync(AdsCommandId.AddDeviceNotification, writer.WrittenMemory, port, ct).ConfigureAwait(false);
        return AmsError(response) is { } error ? new AdsHandleResult(error, 0) : AdsResponseDecoder.DecodeAddNotification(response.Payload);
    }

    public static Task<AdsErrorCode> DeleteNotificationAsync(this AdsTcpClient client, uint notificationHandle, ushort? port = null, CancellationToken ct = default) =>
        SendResultAsync(client, AdsCommandId.DeleteDeviceNotification, w => AdsRequestEncoder.WriteDeleteNotification(w, new AdsDeleteNotificationRequest(notificationHandle)), port, ct);

    private static async Task<AdsReadResult> SendReadAsync(AdsTcpClient client, AdsCommandId command, Action<AdsBufferWriter> payload, ushort? port, CancellationToken ct)
    {
        var response = await client.SendAsync(command, Payload(payload), port, ct).ConfigureAwait(false);
        return AmsError(response) is { } error ? new AdsReadResult(error, []) : AdsResponseDecoder.DecodeRead(response.Payload);
    }

    private static async Task<AdsErrorCode> SendResultAsync(AdsTcpClient client, AdsCommandId command, Action<AdsBufferWriter> payload, ushort? port, CancellationToken ct)
    {
        var response = await client.SendAsync(command, Payload(payload), port, ct).ConfigureAwait(false);
        return AmsError(response) ?? AdsResponseDecoder.DecodeResult(response.Payload);
    }

    private static ReadOnlyMemory<byte> Payload(Action<AdsBufferWriter> write)
    {
        var writer = new AdsBufferWriter();
        write(writer);
        return writer.WrittenMemory;
    }

    private static AdsErrorCode? AmsError(AdsResponse response) =>
        response.Header.ErrorCode != AdsErrorCode.NoError ? response.Header.ErrorCode : null;
}
