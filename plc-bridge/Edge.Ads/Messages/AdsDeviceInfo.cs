namespace Edge.Ads.Messages;

/// <summary>What ReadDeviceInfo answers: a version and a name of at most 15 characters.</summary>
public sealed record AdsDeviceInfo(byte MajorVersion, byte MinorVersion, ushort BuildVersion, string Name)
{
    /// <summary>Bytes of the name field on the wire; the name needs a NUL inside it.</summary>
    public const int NameFieldSize = 16;

    public string Name { get; } = ValidName(Name);

    private static string ValidName(string name)
    {
        if (name.Length > NameFieldSize - 1 || name.Any(c => c < 0x20 || c > 0x7E))
            throw new ArgumentException($"device name '{name}' must be at most {NameFieldSize - 1} printable ASCII characters (clients cut it at the NUL)", nameof(Name));
        return name;
    }
}
