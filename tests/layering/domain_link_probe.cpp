// Linked with the whole of upstream_domain (every object, not only those main needs), and nothing from storage or
// services: if any pure file called into storage, libpq or SQLCipher, this executable would not link, and the build
// would stop. tst_domain_links_without_database_libraries then reads its dynamic section.
int main()
{
    return 0;
}
