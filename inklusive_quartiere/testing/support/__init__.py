"""What the tests share: the personas who ask for pages (``personas``), factories for every content type
(``factories``) and the leak assertions with the channel runner (``leaks``). ``plugin`` registers the persona
fixtures with pytest (the root conftest lists it in ``pytest_plugins``)."""
