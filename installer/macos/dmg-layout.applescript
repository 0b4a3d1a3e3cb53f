-- CPACK_DMG_DS_STORE_SETUP_SCRIPT: lays out the DMG window (app on the left, Applications on the right, the
-- background arrow between them). CPack runs it with the mounted volume name as the first argument.
on run argv
  set volumeName to item 1 of argv
  tell application "Finder"
    tell disk volumeName
      open
      set current view of container window to icon view
      set toolbar visible of container window to false
      set statusbar visible of container window to false
      set the bounds of container window to {100, 100, 740, 500}
      set viewOptions to the icon view options of container window
      set arrangement of viewOptions to not arranged
      set icon size of viewOptions to 96
      set background picture of viewOptions to file ".background:background.png"
      set position of item "upstream-workstation.app" of container window to {170, 190}
      set position of item "Applications" of container window to {470, 190}
      close
      open
      update without registering applications
      delay 2
    end tell
  end tell
end run
