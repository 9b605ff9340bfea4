using Edge.Power.Backends;
using Edge.Power.Protocol;

namespace Edge.Power.Tests.Protocol;

[TestClass]
public sealed class ReplyAssemblerTests
{
    private static readonly ReplyRules V3Pwr = StlinkV3PwrBackend.Instance.ReplyRules;
    private static readonly ReplyRules Lpm01a = Lpm01aBackend.Instance.ReplyRules;

    [TestMethod]
    public void V3pwr_reply_is_complete_at_the_blank_line()
    {
        var assembler = new ReplyAssembler(new PowerCommand("temp degc"), V3Pwr);
        Assert.AreEqual(ReplyStatus.Answered, assembler.Add("ack temp degc 27\r"));
        Assert.AreEqual(ReplyStatus.Complete, assembler.Add("\r"));
        Assert.AreEqual("27", assembler.ToReply()!.LastValue);
    }

    [TestMethod]
    public void Lpm01a_ack_after_the_prompt_completes_the_reply_and_values_follow_the_echo()
    {
        var assembler = new ReplyAssembler(new PowerCommand("volt get"), Lpm01a);
        Assert.AreEqual(ReplyStatus.Complete, assembler.Add("PowerShield > ack volt get 3300-03\r"));
        CollectionAssert.AreEqual(new[] { "3300-03" }, assembler.ToReply()!.Values.ToArray());
    }

    [TestMethod]
    public void Error_line_and_detail_make_a_rejection()
    {
        // eembc/energyrunner#8: `PowerShield > error pwr off`; mlcommons reads the `Error detail:` line after it.
        var assembler = new ReplyAssembler(new PowerCommand("pwr off"), Lpm01a);
        Assert.AreEqual(ReplyStatus.Answered, assembler.Add("PowerShield > error pwr off"));
        Assert.AreEqual(ReplyStatus.Complete, assembler.Add("PowerShield > Error detail: firmware too old"));
        Assert.IsTrue(assembler.Rejected);
        Assert.AreEqual("firmware too old", assembler.ErrorDetail);
        Assert.IsNull(assembler.ToReply());
    }

    [TestMethod]
    public void Stale_acks_and_samples_from_an_earlier_exchange_are_set_aside()
    {
        // The mlcommons README's top failure: queued samples and an old ack before the real answer.
        var assembler = new ReplyAssembler(new PowerCommand("freq 1k"), Lpm01a);
        Assert.AreEqual(ReplyStatus.Waiting, assembler.Add("3393-08"));
        Assert.AreEqual(ReplyStatus.Waiting, assembler.Add("PowerShield > ack volt 3300m"));
        Assert.AreEqual(ReplyStatus.Complete, assembler.Add("PowerShield > ack freq 1k"));
        Assert.HasCount(2, assembler.IgnoredLines);
    }

    [TestMethod]
    public void V3pwr_identifies_itself_in_the_ack_of_powershield()
    {
        var assembler = new ReplyAssembler(PowerCommands.Identify, V3Pwr);
        assembler.Add("ack STLINK-V3PWR 0037002A3133510537363734");
        Assert.AreEqual(ReplyStatus.Complete, assembler.Add(""));
        Assert.AreEqual("0037002A3133510537363734", StlinkV3PwrBackend.Instance.BoardIdFrom(assembler.ToReply()!));
    }

    [TestMethod]
    public void Command_unknown_marks_the_command_unread()
    {
        var assembler = new ReplyAssembler(PowerCommands.HostTakeControl, Lpm01a);
        assembler.Add("PowerShield > Command unknown");
        Assert.IsTrue(assembler.Unreadable);
        Assert.IsFalse(assembler.Rejected);
    }
}
