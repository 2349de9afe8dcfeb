using System.Net;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Tests.Support;
using static AllianceKpi.Web.Tests.Hardening.BadInputs;

namespace AllianceKpi.Web.Tests.Hardening;

/// <summary>
/// A url-encoded form as the bad-input walk sees it: who posts it, where, its valid fields (read from the live page when they
/// hold a version), a snapshot of what it may change (unchanged after a refusal) and the page that shows a saved text.
/// </summary>
public sealed record PlainForm(
    string Name,
    Func<PortalFactory, Task<PortalClient>> Client,
    Func<PortalFactory, Task<string>> Url,
    Func<PortalClient, string, Task<Dictionary<string, string>>> Valid,
    Func<AppDbContext, Task<string>> Snapshot,
    Func<PortalFactory, Task<string>> ShowUrl);

public static class PlainForms
{
    /// <summary>The usual cases of a text field: over-long, empty (when required) and, when it is free text, the hostile texts.</summary>
    public static IEnumerable<BadInput> TextCases(string form, string field, int max, bool required, bool hostile, bool allHostile = false)
    {
        yield return new(form, $"{field}: over-long", new Dictionary<string, string> { [field] = TooLong(max) }, Expect.Refused, field);
        if (required)
        {
            yield return new(form, $"{field}: empty", new Dictionary<string, string> { [field] = "" }, Expect.Refused, field);
            yield return new(form, $"{field}: blanks only", new Dictionary<string, string> { [field] = "  \t " }, Expect.Refused, field);
        }
        if (hostile)
        {
            foreach (var (label, text) in allHostile ? Hostile : Hostile.Where(h => h.Label is "script tag" or "rare CJK"))
            {
                var name = $"{field}: {label}";
                yield return new(form, name, new Dictionary<string, string> { [field] = Tagged(text, form, name) }, Expect.RoundTrip, field);
            }
        }
    }

    public static BadInput Refused(string form, string name, string field, params (string Key, string Value)[] changes) =>
        new(form, name, changes.ToDictionary(c => c.Key, c => c.Value), Expect.Refused, field);

    public static IEnumerable<BadInput> DateCases(string form, string field)
    {
        foreach (var bad in ImpossibleDates)
        {
            yield return Refused(form, $"{field}: {bad}", field, (field, bad));
        }
        yield return Refused(form, $"{field}: empty", field, (field, ""));
    }

    /// <summary>Posts the case and checks it: never a 5xx, never unescaped markup; refused with a message and nothing changed, or saved exactly.</summary>
    public static async Task RunAsync(PortalFactory factory, PlainForm form, BadInput input)
    {
        using var client = await form.Client(factory);
        var url = await form.Url(factory);
        var fields = Apply(await form.Valid(client, url), input.Changes);
        var before = await factory.WithDbAsync(form.Snapshot);
        var what = $"{form.Name} / {input.Name}";

        var response = await client.PostFormAsync(url, fields, url);

        NoServerError(response, what);
        var after = await factory.WithDbAsync(form.Snapshot);
        switch (input.Expect)
        {
            case Expect.Refused:
                var page = await RefusedWithMessageAsync(response, input.Field, what);
                Assert.DoesNotContain("<script>alert", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
                Assert.Equal(before, after);
                break;
            case Expect.RoundTrip:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect,
                    $"{what}: expected a save, got {(int)response.StatusCode}: " + string.Join(" | ", PortalClient.Parse(await response.Content.ReadAsStringAsync())
                        .QuerySelectorAll(".field-validation-error, [data-testid=form-errors]").Select(e => e.TextContent.Trim())));
                Assert.NotEqual(before, after);
                var shown = await client.Http.GetStringAsync(await form.ShowUrl(factory));
                ShownEscaped(shown, input.Changes[input.Field], what);
                break;
            default:
                throw new InvalidOperationException($"{what}: {input.Expect} is not used for plain forms");
        }
    }
}
