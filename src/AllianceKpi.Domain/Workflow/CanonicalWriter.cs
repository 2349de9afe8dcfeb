using System.Globalization;
using System.Text;

namespace AllianceKpi.Domain.Workflow;

/// <summary>
/// A minimal JSON writer for canonical text: no white space, integers in invariant digits, strings escaped as RFC 8785
/// (JCS) does (<c>\"</c>, <c>\\</c>, <c>\b \f \n \r \t</c>, other control characters as <c>\u00xx</c>), every other
/// character as it is; lone surrogates become U+FFFD so that the text is valid UTF-8.
/// </summary>
internal sealed class CanonicalWriter
{
    private readonly StringBuilder text = new(4096);
    private bool needsComma;

    public CanonicalWriter Open(char bracket)
    {
        Separate();
        text.Append(bracket);
        needsComma = false;
        return this;
    }

    public CanonicalWriter Close(char bracket)
    {
        text.Append(bracket);
        needsComma = true;
        return this;
    }

    public CanonicalWriter Name(string name)
    {
        Separate();
        String(name);
        text.Append(':');
        needsComma = false;
        return this;
    }

    public CanonicalWriter Number(int value)
    {
        Separate();
        text.Append(value.ToString(CultureInfo.InvariantCulture));
        needsComma = true;
        return this;
    }

    public CanonicalWriter Text(string? value)
    {
        Separate();
        if (value is null)
        {
            text.Append("null");
        }
        else
        {
            String(value);
        }
        needsComma = true;
        return this;
    }

    public override string ToString() => text.ToString();

    private void Separate()
    {
        if (needsComma)
        {
            text.Append(',');
        }
    }

    private void String(string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(c).Append(value[++i]);
                    }
                    else
                    {
                        text.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                    }
                    break;
            }
        }
        text.Append('"');
    }
}
