namespace AllianceKpi.Web;

/// <summary>Marker for the shared UI strings. Keys are the zh-TW texts; Resources/SharedResource.en.resx holds the English.</summary>
public sealed class SharedResource;
