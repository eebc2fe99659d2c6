"""`sudo /opt/tljh/hub/bin/python3 -m tljh_coursekit`: set up the exchange, the hub-wide
nbgrader config and new courses again after editing /opt/tljh/config/coursekit.json (what
tljh_post_install does at install time); then `sudo tljh-config reload hub`."""

from . import tljh_post_install

tljh_post_install()
