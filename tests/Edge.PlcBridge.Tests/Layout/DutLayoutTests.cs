using System.Runtime.InteropServices;
using Edge.PlcBridge.Tests.Support;

namespace Edge.PlcBridge.Tests.Layout;

/// <summary>
/// The DUT `edge bridge plc-types` writes is what the PLC compiles. Its layout under TwinCAT's
/// default rule (the CLR marshaller with pack 8, the same C rule) must equal the offsets written in
/// its comments and the addresses the running server answers for every member, and the boards
/// must sit at (slot - 1) * SIZEOF in the memory map.
/// </summary>
[TestClass]
public sealed class DutLayoutTests
{
    [TestMethod]
    [DataRow(1, DisplayName = "1 feature slot")]
    [DataRow(3, DisplayName = "3 feature slots (odd: padding at the end)")]
    [DataRow(64, DisplayName = "64 feature slots (the default)")]
    [DataRow(1024, DisplayName = "1024 feature slots (the most)")]
    public async Task TheGeneratedDutIsWhatTwinCatLaysOutAndWhatTheServerServes(int features)
    {
        if (!Edge.TestSupport.Layout.ClrLayoutOracle.IsAvailable)
            Assert.Inconclusive("the layout oracle needs a 64-bit process");
        string yaml = TestBridge.Yaml(features);
        var dut = DutImage.Parse(EdgeRun.PlcTypes(yaml));

        Assert.AreEqual("ST_EdgeBoard", dut.Name);
        foreach (var member in dut.Members)
            Assert.AreEqual(dut.OffsetOf(member.Name), member.CommentOffset, $"offset comment of {member.Name}");
        Assert.AreEqual($"ARRAY [0..{features - 1}] OF REAL", dut["FeatureDrift"].TypeText);

        await using var bridge = await TestBridge.StartAsync(yaml);
        await using var client = await bridge.ConnectAsync();
        uint stride = 0;
        foreach (var (board, slot) in new[] { ("Loom3", 1), ("Pump1", 2) })
        {
            var (group, boardOffset, size) = await client.AddressOfAsync(board);
            Assert.AreEqual(0x4040u, group);
            Assert.AreEqual((uint)dut.Size, size, $"SIZEOF({dut.Name}) against the size of {board}");
            Assert.AreEqual((uint)((slot - 1) * dut.Size), boardOffset, $"{board} sits at (slot - 1) * SIZEOF");
            foreach (var member in dut.Members)
            {
                var (memberGroup, memberOffset, memberSize) = await client.AddressOfAsync($"{board}.{member.Name}");
                Assert.AreEqual(group, memberGroup);
                Assert.AreEqual((uint)dut.OffsetOf(member.Name), memberOffset - boardOffset, $"offset of {board}.{member.Name}");
                var field = member.Field();
                Assert.AreEqual((uint)(Marshal.SizeOf(field.Element) * (field.Count ?? 1)), memberSize, $"size of {board}.{member.Name}");
            }
            var image = dut.Decode(await client.ReadBytesAsync(group, boardOffset, dut.Size));
            Assert.AreEqual((uint)dut.Size, image["Size"], "the Size member lets a PLC detect a DUT of another configuration");
            Assert.AreEqual(board, image["Name"]);
            stride = (uint)dut.Size;
        }
        Assert.AreEqual(bridge.Symbols.Map.TotalSize, (int)(2 * stride), "the group reads as ARRAY [1..2] OF ST_EdgeBoard");
    }
}
