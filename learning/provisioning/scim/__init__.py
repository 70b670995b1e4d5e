"""The SCIM 2.0 service provider (django-scim2's views, this project's adapters, filters and token check)."""
