namespace Edge.Firmware.References
{
    /// <summary>
    /// Tags a reference declaration with the nanoFramework NuGet package and version it declares,
    /// so the tests can check the declarations against packages.config.
    /// </summary>
    [System.AttributeUsage(System.AttributeTargets.Assembly | System.AttributeTargets.Class | System.AttributeTargets.Struct | System.AttributeTargets.Enum | System.AttributeTargets.Interface)]
    internal sealed class UpstreamPackageAttribute : System.Attribute
    {
        public UpstreamPackageAttribute(string id, string version)
        {
            Id = id;
            Version = version;
        }

        public string Id { get; }

        public string Version { get; }
    }
}
