using Edge.Ads.Protocol;
using Edge.Ads.Server.Devices;
using Edge.Ads.Server.Symbols;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>
/// Maps an index group to its service: the reserved symbol, handle, upload, sum and device-data
/// groups, then data groups holding symbols; anything else answers 0x702 invalid index group.
/// </summary>
internal sealed class IndexGroupRouter
{
    private readonly Dictionary<uint, IndexGroupService> _services;
    private readonly ProcessImageService _memory;
    private readonly AdsSymbolTable _symbols;

    public IndexGroupRouter(AdsSymbolTable symbols, DeviceStatus status, AdsServerOptions options, AdsServerLog log)
    {
        _symbols = symbols;
        _memory = new ProcessImageService(symbols, log);
        MaxReplySize = options.MaxFrameSize;
        _services = new Dictionary<uint, IndexGroupService>
        {
            [AdsIndexGroup.SymbolHandleByName] = new SymbolHandleByNameService(symbols),
            [AdsIndexGroup.SymbolValueByName] = new SymbolValueByNameService(symbols),
            [AdsIndexGroup.SymbolValueByHandle] = new SymbolValueByHandleService(_memory),
            [AdsIndexGroup.SymbolReleaseHandle] = new ReleaseHandleService(),
            [AdsIndexGroup.SymbolInfoByName] = new SymbolInfoByNameService(symbols),
            [AdsIndexGroup.SymbolVersion] = new SymbolVersionService(symbols),
            [AdsIndexGroup.SymbolInfoByNameEx] = new SymbolEntryByNameService(symbols),
            [AdsIndexGroup.SymbolUpload] = new UploadService(symbols, u => u.Symbols),
            [AdsIndexGroup.SymbolUploadInfo] = new UploadInfoService(symbols, extended: false),
            [AdsIndexGroup.DataTypeUpload] = new UploadService(symbols, u => u.DataTypes),
            [AdsIndexGroup.SymbolUploadInfo2] = new UploadInfoService(symbols, extended: true),
            [AdsIndexGroup.DataTypeInfoByNameEx] = new DataTypeByNameService(symbols),
            [AdsIndexGroup.SumRead] = new SumReadService(this, options.MaxSumCommands),
            [AdsIndexGroup.SumWrite] = new SumWriteService(this, options.MaxSumCommands),
            [AdsIndexGroup.SumReadWrite] = new SumReadWriteService(this, options.MaxSumCommands),
            [AdsIndexGroup.DeviceData] = new DeviceDataService(status),
        };
    }

    /// <summary>Largest answer a service may build (the frame limit).</summary>
    public int MaxReplySize { get; }

    public IndexGroupService Find(uint indexGroup)
    {
        if (_services.TryGetValue(indexGroup, out var service))
            return service;
        return indexGroup < AdsIndexGroup.ReservedFirst && _symbols.HasMemory(indexGroup)
            ? _memory
            : UnknownGroupService.Instance;
    }
}
