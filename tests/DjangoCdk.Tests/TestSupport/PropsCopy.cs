using System.Linq.Expressions;
using System.Reflection;

namespace DjangoCdk.Tests.TestSupport;

/// <summary>
/// <c>with</c> for props classes with init-only properties (DjangoEcsProps is a class, not a record): a shallow copy
/// with one property changed, so a test states exactly where it departs from a shared configuration.
/// </summary>
internal static class PropsCopy
{
    private static readonly MethodInfo CloneMethod =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    /// <summary>A copy of <paramref name="props"/> whose <paramref name="property"/> is <paramref name="value"/>.</summary>
    public static T With<T, TValue>(this T props, Expression<Func<T, TValue>> property, TValue value) where T : class
    {
        if (property.Body is not MemberExpression { Member: PropertyInfo info } || info.DeclaringType != typeof(T))
            throw new ArgumentException($"Give a property of {typeof(T).Name}, e.g. p => p.Debug.", nameof(property));
        var copy = (T)CloneMethod.Invoke(props, null)!;
        info.SetValue(copy, value);
        return copy;
    }
}
