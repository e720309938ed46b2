using System.Text.Json;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

/// <summary>Random frames: any text is classified without throwing, and any valid message array reads back as written.</summary>
public class TradovateFrameProperties
{
    public abstract record Sent;

    public sealed record SentResponse(long Id, int Status, string? Text) : Sent;

    public sealed record SentEvent(string Name, string Text) : Sent;

    private static readonly Gen<string> Texts = ArbMap.Default.GeneratorFor<string>().Where(s => s is not null);

    private static readonly Gen<Sent> Messages = Gen.OneOf(
        from id in Gen.Choose(0, int.MaxValue)
        from status in Gen.Elements(200, 201, 400, 401, 404, 429, 500)
        from text in Gen.OneOf(Texts.Select(t => (string?)t), Gen.Constant((string?)null))
        select (Sent)new SentResponse(id, status, text),
        from name in Gen.Elements("props", "shutdown", "md", "chart", "clock", "other")
        from text in Texts
        select (Sent)new SentEvent(name, text));

    [Property(MaxTest = 300)]
    public Property ValidArraysReadBackAsWritten() => Prop.ForAll(Messages.ListOf().ToArbitrary(), sent =>
    {
        var frame = TradovateFrame.Parse("a" + JsonSerializer.Serialize(sent.Select(Write)));

        var read = Assert.IsType<TradovateFrame.Messages>(frame).Items.Select(Read);
        Assert.Equal(sent, read);
    });

    private static readonly Gen<string> Fragments = Gen.Elements(
        "1", "-1", "2.5", "1e400", "\"x\"", "null", "true", "{}", "[]", "{\"i\":\"1\"}", "{\"i\":1,\"s\":\"2\"}", "{\"e\":3}",
        "{\"e\":\"props\",\"d\":[]}", "{\"e\":\"props\",\"d\":{\"entityType\":\"fill\",\"eventType\":\"Created\",\"entity\":[1,{}]}}",
        "{\"e\":\"props\",\"d\":{\"entityType\":\"fill\",\"eventType\":\"Created\",\"entity\":{\"id\":\"1\",\"qty\":1e30,\"price\":[]}}}");

    private static readonly Gen<string> Frames = Gen.OneOf(
        Texts,
        Texts.Select(t => "a" + t),
        Texts.Select(t => "c" + t),
        from type in Gen.Elements("a", "c", "o", "h", "x")
        from parts in Fragments.ListOf()
        select type + "[" + string.Join(",", parts) + "]");

    [Property(MaxTest = 2000)]
    public Property AnyTextIsReadToTheEntitiesWithoutThrowing() => Prop.ForAll(Frames.ToArbitrary(), text =>
    {
        if (TradovateFrame.Parse(text) is not TradovateFrame.Messages messages)
        {
            return;
        }

        foreach (var message in messages.Items.OfType<TradovateMessage.Event>())
        {
            _ = TradovateProps.Decode(message.Data);
            _ = TradovateFillMapper.Map(message.Data, new TradovateLookups(_ => "X", _ => 1));
            _ = TradovateOrderMapper.Map(message.Data, _ => "X");
            _ = TradovateAccountStateMapper.Position(message.Data, _ => "X");
            _ = TradovateAccountStateMapper.CashBalance(message.Data);
            foreach (var props in TradovateProps.Decode(message.Data).Value ?? [])
            {
                _ = TradovateFillMapper.Map(props.Entity, new TradovateLookups(_ => "X", _ => 1));
            }
        }
    });

    private static Dictionary<string, object?> Write(Sent message) => message switch
    {
        SentResponse { Text: null } r => new() { ["s"] = r.Status, ["i"] = r.Id },
        SentResponse r => new() { ["i"] = r.Id, ["s"] = r.Status, ["d"] = r.Text },
        SentEvent e => new() { ["e"] = e.Name, ["d"] = new Dictionary<string, string> { ["text"] = e.Text } },
        _ => throw new ArgumentOutOfRangeException(nameof(message)),
    };

    private static Sent Read(TradovateMessage message) => message switch
    {
        TradovateMessage.Response r => new SentResponse(r.RequestId, r.Status, r.Data?.GetString()),
        TradovateMessage.Event e => new SentEvent(e.Name, e.Data.GetProperty("text").GetString()!),
        _ => throw new Xunit.Sdk.XunitException($"unexpected {message}"),
    };
}
