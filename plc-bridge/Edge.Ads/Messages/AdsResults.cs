using Edge.Ads.Protocol;

namespace Edge.Ads.Messages;

/// <summary>Answer to Read, ReadWrite: the result code and, on success, the data.</summary>
public readonly record struct AdsReadResult(AdsErrorCode ErrorCode, byte[] Data)
{
    public bool Succeeded => ErrorCode == AdsErrorCode.NoError;

    /// <summary>The data, or an <see cref="AdsErrorException"/> naming the operation.</summary>
    public byte[] GetDataOrThrow(string operation) => Succeeded ? Data : throw new AdsErrorException(ErrorCode, operation);
}

/// <summary>Answer to ReadState.</summary>
public readonly record struct AdsStateResult(AdsErrorCode ErrorCode, AdsState AdsState, ushort DeviceState);

/// <summary>Answer to ReadDeviceInfo.</summary>
public readonly record struct AdsDeviceInfoResult(AdsErrorCode ErrorCode, AdsDeviceInfo? Info);

/// <summary>Answer to AddDeviceNotification.</summary>
public readonly record struct AdsHandleResult(AdsErrorCode ErrorCode, uint Handle);
