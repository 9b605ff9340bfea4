namespace Edge.Conformance
{
    /// <summary>Where the conformance run writes its lines: the console on nanoCLR, a list on .NET.</summary>
    public interface IConformanceOutput
    {
        void Line(string text);
    }
}
